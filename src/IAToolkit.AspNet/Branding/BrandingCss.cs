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
    // Every key of the Python project's branding section, with the framework's defaults: dark text on light
    // backgrounds and light text on the dark brand color, each pair at least 4.5:1 (WCAG AA; a test computes it).
    // A default may refer to another variable, so a company that sets only its primary color gets matching buttons.
    private static readonly BrandingKey[] s_keys =
    [
        new("header_background_color", "--brand-header-bg", "#1f3a5f", BrandingValue.Color),
        new("header_text_color", "--brand-header-text", "#ffffff", BrandingValue.Color),
        new("brand_primary_color", "--brand-primary", "#1f3a5f", BrandingValue.Color),
        new("brand_secondary_color", "--brand-secondary", "#8aa1b8", BrandingValue.Color),
        new("brand_text_on_primary", "--brand-text-on-primary", "#ffffff", BrandingValue.Color),
        new("brand_text_on_secondary", "--brand-text-on-secondary", "#000000", BrandingValue.Color),
        new("brand_text_heading_color", "--brand-text-heading", "#1f2933", BrandingValue.Color),
        new("brand_danger_color", "--brand-danger", "#b42318", BrandingValue.Color),
        new("brand_danger_bg", "--brand-danger-bg", "#fef3f2", BrandingValue.Color),
        new("brand_danger_text", "--brand-danger-text", "#b42318", BrandingValue.Color),
        new("brand_danger_border", "--brand-danger-border", "#f4b4ae", BrandingValue.Color),
        new("brand_info_bg", "--brand-info-bg", "#eef4fb", BrandingValue.Color),
        new("brand_info_text", "--brand-info-text", "#1f2933", BrandingValue.Color),
        new("brand_info_border", "--brand-info-border", "#c3d5ea", BrandingValue.Color),
        new("send_button_color", "--brand-send-button", "var(--brand-primary)", BrandingValue.Color),
        new("prompt_assistant_bg", "--brand-prompt-assistant-bg", "#f8fafc", BrandingValue.Color),
        new("prompt_assistant_border", "--brand-prompt-assistant-border", "#d9e2ec", BrandingValue.Color),
        new("prompt_assistant_button_bg", "--brand-prompt-assistant-button-bg", "var(--brand-primary)", BrandingValue.Color),
        new("prompt_assistant_button_text", "--brand-prompt-assistant-button-text", "var(--brand-text-on-primary)", BrandingValue.Color),
        new("prompt_assistant_button_border", "--brand-prompt-assistant-button-border", "var(--brand-primary)", BrandingValue.Color),
        new("prompt_assistant_dropdown_bg", "--brand-prompt-assistant-dropdown-bg", "#ffffff", BrandingValue.Color),
        new("prompt_assistant_header_bg", "--brand-prompt-assistant-header-bg", "#f0f4f8", BrandingValue.Color),
        new("prompt_assistant_header_text", "--brand-prompt-assistant-header-text", "#1f2933", BrandingValue.Color),
        new("prompt_assistant_icon_color", "--brand-prompt-assistant-icon", "var(--brand-primary)", BrandingValue.Color),
        new("prompt_assistant_item_hover_bg", "--brand-prompt-assistant-item-hover-bg", "#eef4fb", BrandingValue.Color),
        new("prompt_assistant_item_hover_text", "--brand-prompt-assistant-item-hover-text", "#1f2933", BrandingValue.Color),
        new("primary_font_weight", "--brand-primary-font-weight", "600", BrandingValue.FontWeight),
        new("secondary_font_weight", "--brand-secondary-font-weight", "500", BrandingValue.FontWeight),
        new("tertiary_font_weight", "--brand-tertiary-font-weight", "400", BrandingValue.FontWeight),
        new("primary_font_size", "--brand-primary-font-size", "1.15rem", BrandingValue.Length),
        new("secondary_font_size", "--brand-secondary-font-size", "1rem", BrandingValue.Length),
        new("tertiary_font_size", "--brand-tertiary-font-size", "0.85rem", BrandingValue.Length),
        // 0.9: the "powered by" line at 0.8 over the default header blue measured 4.24:1 (axe-core); at 0.9 it is 4.9:1.
        new("tertiary_opacity", "--brand-tertiary-opacity", "0.9", BrandingValue.Opacity),
    ];

    /// <summary>The branding keys the pages read, each with its CSS variable and default.</summary>
    public static IReadOnlyList<BrandingKey> Keys => s_keys;

    /// <summary>A <c>:root{…}</c> block; a value that is not of its key's kind is ignored (no CSS injection).</summary>
    public static string For(Company? company)
    {
        var css = new StringBuilder(":root{");
        foreach (var key in s_keys)
        {
            var value = company?.Configuration.Branding.GetValueOrDefault(key.Key);
            css.Append(key.Variable).Append(':').Append(value is not null && IsSafe(value, key.Kind) ? value : key.Default).Append(';');
        }

        return css.Append('}').ToString();
    }

    private static bool IsSafe(string value, BrandingValue kind) => kind switch
    {
        BrandingValue.Color => SafeColor().IsMatch(value),
        BrandingValue.FontWeight => SafeWeight().IsMatch(value),
        BrandingValue.Length => SafeLength().IsMatch(value),
        _ => SafeOpacity().IsMatch(value),
    };

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

    [GeneratedRegex("^(normal|bold|bolder|lighter|[1-9]00)$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeWeight();

    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]{1,3})?(px|rem|em|%)$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeLength();

    [GeneratedRegex(@"^(0(\.[0-9]{1,3})?|1(\.0{1,3})?|\.[0-9]{1,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeOpacity();
}
