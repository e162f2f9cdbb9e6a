using System.Text;
using System.Text.RegularExpressions;
using IAToolkit.Companies;

namespace IAToolkit.AspNet.Branding;

/// <summary>Turns a company's <c>branding</c> colours into CSS custom properties for its pages.</summary>
internal static partial class BrandingCss
{
    private static readonly (string Key, string Variable, string Default)[] s_colours =
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

    /// <summary>A <c>:root{…}</c> block; values that are not plain colours are ignored (no CSS injection).</summary>
    public static string For(Company? company)
    {
        var css = new StringBuilder(":root{");
        foreach (var (key, variable, fallback) in s_colours)
        {
            var value = company?.Configuration.Branding.GetValueOrDefault(key);
            css.Append(variable).Append(':').Append(value is not null && SafeColour().IsMatch(value) ? value : fallback).Append(';');
        }

        return css.Append('}').ToString();
    }

    [GeneratedRegex(@"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}|(rgb|rgba|hsl|hsla)\([0-9.,%\s]{5,40}\))$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeColour();
}
