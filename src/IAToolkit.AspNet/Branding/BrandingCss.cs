using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using IAToolkit.Companies;

namespace IAToolkit.AspNet.Branding;

/// <summary>
/// Turns a company's <c>branding</c> colors into CSS custom properties for its pages, served as a stylesheet
/// (<c>/_iatoolkit/{c}/branding.css</c>) rather than an inline &lt;style&gt;: the CSP then needs neither
/// <c>'unsafe-inline'</c> nor a per-response nonce, and the file is cached.
/// </summary>
internal static partial class BrandingCss
{
    private static readonly (string Key, string Variable, string Default)[] s_colors =
    [
        ("header_background_color", "--brand-header-bg", "#1f3a5f"),
        ("header_text_color", "--brand-header-text", "#ffffff"),
        ("brand_primary_color", "--brand-primary", "#1f3a5f"),
        ("brand_secondary_color", "--brand-secondary", "#8aa1b8"),
        ("brand_text_on_primary", "--brand-text-on-primary", "#ffffff"),
        ("brand_text_on_secondary", "--brand-text-on-secondary", "#000000"),
        ("brand_danger_color", "--brand-danger", "#b42318"),
        ("brand_info_bg", "--brand-info-bg", "#eef4fb"),
    ];

    /// <summary>A <c>:root{…}</c> block; values that are not plain colors are ignored (no CSS injection).</summary>
    public static string For(Company? company)
    {
        var css = new StringBuilder(":root{");
        foreach (var (key, variable, fallback) in s_colors)
        {
            var value = company?.Configuration.Branding.GetValueOrDefault(key);
            css.Append(variable).Append(':').Append(value is not null && SafeColor().IsMatch(value) ? value : fallback).Append(';');
        }

        return css.Append('}').ToString();
    }

    /// <summary>The stylesheet URL of a company's colors (the framework's own for framework pages), versioned by <paramref name="css"/>.</summary>
    public static string UrlFor(Company? company, string css)
    {
        var version = Version(css);
        return company is null ? $"/_iatoolkit/branding.css?v={version}" : $"/_iatoolkit/{company.ShortName}/branding.css?v={version}";
    }

    /// <summary>A short hash of the CSS: the URL's version and the response's ETag.</summary>
    public static string Version(string css) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..16];

    [GeneratedRegex(@"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}|(rgb|rgba|hsl|hsla)\([0-9.,%\s]{5,40}\))$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeColor();
}
