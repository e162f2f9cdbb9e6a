using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Mail;

/// <summary>The colors a mail's button and header rule take from company.yaml <c>branding</c>, with defaults.</summary>
internal sealed record MailBranding(string Primary, string TextOnPrimary)
{
    public const string DefaultPrimary = "#1F3A5F";

    public const string DefaultTextOnPrimary = "#FFFFFF";

    /// <summary><c>brand_primary_color</c> and <c>brand_text_on_primary</c> when present and valid CSS colors.</summary>
    public static MailBranding Of(Company company)
    {
        var branding = company.Configuration.Branding;
        return new MailBranding(
            Color(branding, "brand_primary_color", DefaultPrimary),
            Color(branding, "brand_text_on_primary", DefaultTextOnPrimary));
    }

    private static string Color(IReadOnlyDictionary<string, string> branding, string key, string fallback)
        => branding.TryGetValue(key, out var value) && CssColor.IsValid(value.Trim()) ? value.Trim() : fallback;
}
