using IAToolkit.Companies;
using Microsoft.Extensions.Logging;

namespace IAToolkit.AspNet.Branding;

/// <summary>
/// The company's logo: <c>templates/logo.svg</c>, <c>.png</c>, <c>.webp</c>, <c>.jpg</c> or <c>.jpeg</c> in its folder
/// (the first that exists), at most 512 KB, served at <c>/_iatoolkit/{c}/logo</c> and shown in the pages' header.
/// </summary>
internal static class CompanyLogo
{
    public const int MaxBytes = 512 * 1024;

    private static readonly (string File, string ContentType)[] s_candidates =
    [
        ("logo.svg", "image/svg+xml"),
        ("logo.png", "image/png"),
        ("logo.webp", "image/webp"),
        ("logo.jpg", "image/jpeg"),
        ("logo.jpeg", "image/jpeg"),
    ];

    public static (CompanyFile File, string ContentType)? Find(Company company, ILogger? logger)
    {
        foreach (var (name, contentType) in s_candidates)
        {
            var path = Path.Combine(company.Folder, "templates", name);
            if (File.Exists(path))
            {
                return CompanyFiles.Read(path, MaxBytes, logger) is { } file ? (file, contentType) : null;
            }
        }

        return null;
    }

    /// <summary>The logo's URL, versioned by its content so that it can be cached; <see langword="null"/> when there is none.</summary>
    public static string? UrlFor(Company? company)
        => company is not null && Find(company, null) is { } logo ? $"/_iatoolkit/{company.ShortName}/logo?v={logo.File.Version}" : null;
}
