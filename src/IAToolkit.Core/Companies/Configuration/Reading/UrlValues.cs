using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>Reads keys whose value is a URL.</summary>
internal static class UrlValues
{
    /// <summary>An absolute http(s) URL, or <see langword="null"/> when blank (reported when <paramref name="required"/>) or invalid (reported).</summary>
    public static Uri? ReadAbsolute(YamlSection section, string key, bool required = false, string? requiredBecause = null)
    {
        var text = section.String(key)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                section.Error(key, requiredBecause is null ? "is required" : $"is required {requiredBecause}");
            }

            return null;
        }

        if (IsHttpUrl(text, out var url))
        {
            return url;
        }

        section.Error(key, $"'{text}' is not an absolute http or https URL");
        return null;
    }

    public static bool IsHttpUrl(string text, out Uri? url)
    {
        url = Uri.TryCreate(text, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" ? parsed : null;
        return url is not null;
    }
}
