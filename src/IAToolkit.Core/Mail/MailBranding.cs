using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Mail;

/// <summary>The colours a mail's button and header rule take from company.yaml <c>branding</c>, with defaults.</summary>
internal sealed record MailBranding(string Primary, string TextOnPrimary)
{
    public const string DefaultPrimary = "#1F3A5F";

    public const string DefaultTextOnPrimary = "#FFFFFF";

    /// <summary><c>brand_primary_color</c> and <c>brand_text_on_primary</c> when present and valid CSS colours.</summary>
    public static MailBranding Of(Company company)
    {
        var branding = company.Configuration.Branding;
        return new MailBranding(
            Colour(branding, "brand_primary_color", DefaultPrimary),
            Colour(branding, "brand_text_on_primary", DefaultTextOnPrimary));
    }

    private static string Colour(IReadOnlyDictionary<string, string> branding, string key, string fallback)
        => branding.TryGetValue(key, out var value) && CssColour.IsValid(value.Trim()) ? value.Trim() : fallback;
}
