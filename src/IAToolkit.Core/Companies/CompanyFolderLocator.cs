using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IAToolkit.Companies;

/// <summary>
/// Finds <c>companies/&lt;short_name&gt;/</c>: beside the content root first (so an operator can edit a prompt in
/// place), then beside the host's assembly (where the build copies the folder).
/// </summary>
internal sealed class CompanyFolderLocator
{
    private readonly IHostEnvironment _environment;
    private readonly IOptions<IAToolkitOptions> _options;

    public CompanyFolderLocator(IHostEnvironment environment, IOptions<IAToolkitOptions> options)
    {
        _environment = environment;
        _options = options;
    }

    public CompanyFolder Locate(string shortName)
    {
        var relative = Path.Combine(_options.Value.CompaniesFolder, shortName);
        var roots = new[] { _environment.ContentRootPath, AppContext.BaseDirectory }
            .Select(r => Path.GetFullPath(r))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var candidates = roots.Select(r => Path.GetFullPath(Path.Combine(r, relative))).ToList();
        var display = relative.Replace('\\', '/');
        var found = candidates.FirstOrDefault(Directory.Exists);
        return new CompanyFolder(found ?? candidates[0], display, found is not null, candidates);
    }

    /// <summary>A folder given on the command line (<c>check-config --path</c>), relative to the working directory.</summary>
    public static CompanyFolder FromPath(string path)
    {
        var full = Path.GetFullPath(path);
        var display = Path.GetRelativePath(Directory.GetCurrentDirectory(), full).Replace('\\', '/');
        if (display.StartsWith("..", StringComparison.Ordinal))
        {
            display = full;
        }

        return new CompanyFolder(full, display.TrimEnd('/'), Directory.Exists(full), [full]);
    }
}
