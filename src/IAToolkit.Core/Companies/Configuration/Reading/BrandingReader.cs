using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using YamlDotNet.RepresentationModel;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>Reads <c>branding</c>: every key kept as text (the section is free-form); the six main colors must be CSS colors.</summary>
internal static class BrandingReader
{
    /// <summary>The colors the header and buttons use; the others have defaults and may be any CSS value.</summary>
    public static readonly IReadOnlyList<string> MainColors =
    [
        "header_background_color",
        "header_text_color",
        "brand_primary_color",
        "brand_secondary_color",
        "brand_text_on_primary",
        "brand_text_on_secondary",
    ];

    public static IReadOnlyDictionary<string, string> Read(YamlSection root)
    {
        var branding = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.Section("branding", freeForm: true) is not { } section)
        {
            return branding;
        }

        foreach (var (key, value) in section.Entries())
        {
            switch (value)
            {
                case YamlScalarNode scalar when YamlScalars.IsNull(scalar):
                    break;
                case YamlScalarNode scalar:
                    branding[key] = (scalar.Value ?? string.Empty).Trim();
                    break;
                default:
                    section.Error(key, $"must be a single value, not {YamlNodeKinds.Describe(value)}");
                    break;
            }
        }

        foreach (var key in MainColors)
        {
            if (branding.TryGetValue(key, out var color) && !CssColor.IsValid(color))
            {
                section.Error(key, $"'{color}' is not a CSS color (e.g. #1F3A5F, rgb(31, 58, 95) or navy)");
            }
        }

        return branding;
    }
}
