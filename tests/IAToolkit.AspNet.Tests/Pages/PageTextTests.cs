using System.Reflection;
using System.Text.RegularExpressions;
using IAToolkit.AspNet.Branding;
using IAToolkit.AspNet.Localization;

namespace IAToolkit.AspNet.Tests.Pages;

/// <summary>The pages' texts and colors, checked without a host: both languages complete, readable contrast.</summary>
public sealed partial class PageTextTests
{
    private static readonly PropertyInfo[] s_texts = typeof(UiText).GetProperties().Where(p => p.PropertyType == typeof(string)).ToArray();

    [Test]
    public void Catalogs_EveryTextInBothLanguages_IsWrittenAndTakesTheSameValues()
    {
        foreach (var property in s_texts)
        {
            var english = (string)property.GetValue(UiTexts.English)!;
            var spanish = (string)property.GetValue(UiTexts.Spanish)!;

            Assert.That(english, Is.Not.Null.And.Not.Empty.And.Not.EqualTo(" "), $"English {property.Name}");
            Assert.That(spanish, Is.Not.Null.And.Not.Empty, $"Spanish {property.Name}");
            Assert.That(english.Trim(), Is.EqualTo(english), $"English {property.Name} has blanks around it");
            Assert.That(spanish.Trim(), Is.EqualTo(spanish), $"Spanish {property.Name} has blanks around it");
            Assert.That(Placeholders(spanish), Is.EqualTo(Placeholders(english)), $"{property.Name}: both languages fill in the same values");
        }

        Assert.That(UiTexts.All.Select(t => t.Language), Is.EqualTo(new[] { "en", "es" }));
        Assert.That(UiTexts.All.Select(t => t.LanguageName), Is.EqualTo(new[] { "English", "Español" }));
    }

    [Test]
    public void Catalogs_SpanishTexts_AreTranslatedNotCopied()
    {
        // Texts that read the same in both languages; every other Spanish text must differ from the English one.
        var same = new HashSet<string>(StringComparer.Ordinal) { nameof(UiText.Language) };
        var copied = s_texts.Where(p => !same.Contains(p.Name) && Equals(p.GetValue(UiTexts.English), p.GetValue(UiTexts.Spanish))).Select(p => p.Name);

        Assert.That(copied, Is.Empty);
    }

    [Test]
    public void Markup_OfEveryPage_HasNoTextOutsideTheCatalogs()
    {
        var folder = Path.Combine(SampleProject.Folder, "..", "..", "src", "IAToolkit.AspNet", "Pages");
        var problems = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.razor"))
        {
            var markup = RazorComments().Replace(File.ReadAllText(file), string.Empty);
            var code = markup.IndexOf("@code", StringComparison.Ordinal);
            markup = code < 0 ? markup : markup[..code];
            problems.AddRange(LiteralText().Matches(markup).Select(m => m.Groups[1].Value.Trim()).Where(t => t != "IAToolkit").Select(t => $"{Path.GetFileName(file)}: \"{t}\""));
            problems.AddRange(LiteralAttribute().Matches(markup).Select(m => $"{Path.GetFileName(file)}: {m.Value}"));
        }

        Assert.That(problems, Is.Empty, "every text of a page comes from the typed catalogs");
    }

    [Test]
    public void DefaultColors_TextAndButtons_MeetWcagAA()
    {
        var variables = Variables();
        var pairs = new (string Foreground, string Background, string What, double Minimum)[]
        {
            ("var(--iat-text)", "var(--iat-bg)", "body text", 4.5),
            ("var(--iat-text)", "var(--iat-surface)", "text on a card", 4.5),
            ("var(--iat-muted)", "var(--iat-surface)", "hints", 4.5),
            ("var(--brand-text-heading)", "var(--iat-surface)", "headings", 4.5),
            ("var(--brand-primary)", "var(--iat-surface)", "links", 4.5),
            ("var(--brand-text-on-primary)", "var(--brand-primary)", "button text", 4.5),
            ("var(--brand-text-on-secondary)", "var(--brand-secondary)", "text on the secondary color", 4.5),
            ("var(--brand-header-text)", "var(--brand-header-bg)", "the header", 4.5),
            ("var(--brand-header-bg)", "var(--brand-header-text)", "the chosen language's button", 4.5),
            ("var(--brand-danger-text)", "var(--brand-danger-bg)", "error messages", 4.5),
            ("var(--brand-danger-text)", "var(--iat-surface)", "field errors", 4.5),
            ("var(--brand-info-text)", "var(--brand-info-bg)", "notices", 4.5),
            ("var(--brand-prompt-assistant-button-text)", "var(--brand-prompt-assistant-button-bg)", "prompt buttons", 4.5),
            ("var(--brand-prompt-assistant-header-text)", "var(--brand-prompt-assistant-header-bg)", "prompt panel header", 4.5),
            ("var(--brand-prompt-assistant-item-hover-text)", "var(--brand-prompt-assistant-item-hover-bg)", "a prompt under the pointer", 4.5),
            ("var(--iat-border)", "var(--iat-surface)", "input borders (non-text, 3:1)", 3),
            ("var(--iat-focus)", "var(--iat-surface)", "the focus ring (non-text, 3:1)", 3),
        };

        foreach (var (foreground, background, what, minimum) in pairs)
        {
            Assert.That(ContrastRatio.Of(foreground, background, variables), Is.GreaterThanOrEqualTo(minimum), what);
        }
    }

    [Test]
    public void SampleCompanyColors_HeaderAndButtons_MeetWcagAA()
    {
        Assert.That(ContrastRatio.Of("#FFFFFF", "#4C6A8D", Variables()), Is.GreaterThanOrEqualTo(4.5));
        Assert.That(ContrastRatio.Of("#1F2933", "#9EADC0", Variables()), Is.GreaterThanOrEqualTo(4.5));
    }

    [Test]
    public void BrandingCss_EveryPythonKey_BecomesAVariableAndBadValuesAreIgnored()
    {
        var keys = BrandingCss.Keys.Select(k => k.Key).ToHashSet();

        Assert.That(keys, Is.SupersetOf(new[]
        {
            "header_background_color", "header_text_color", "brand_primary_color", "brand_secondary_color", "brand_text_on_primary",
            "brand_text_on_secondary", "brand_text_heading_color", "brand_danger_color", "brand_danger_bg", "brand_danger_text",
            "brand_danger_border", "brand_info_bg", "brand_info_text", "brand_info_border", "send_button_color",
            "primary_font_weight", "secondary_font_weight", "tertiary_font_weight", "primary_font_size", "secondary_font_size",
            "tertiary_font_size", "tertiary_opacity", "prompt_assistant_bg", "prompt_assistant_border", "prompt_assistant_button_bg",
            "prompt_assistant_button_text", "prompt_assistant_button_border", "prompt_assistant_dropdown_bg", "prompt_assistant_header_bg",
            "prompt_assistant_header_text", "prompt_assistant_icon_color", "prompt_assistant_item_hover_bg", "prompt_assistant_item_hover_text",
        }));
    }

    // The defaults: site.css's own :root block and the brand variables of a page without a company.
    private static Dictionary<string, string> Variables()
    {
        using var stream = typeof(BrandingCss).Assembly.GetManifestResourceStream("IAToolkit.Assets.site.css")!;
        using var reader = new StreamReader(stream);
        var site = reader.ReadToEnd();
        var root = site[site.IndexOf(":root", StringComparison.Ordinal)..];
        root = root[..(root.IndexOf('}', StringComparison.Ordinal) + 1)];
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Declaration().Matches(root + BrandingCss.For(null)))
        {
            variables[match.Groups[1].Value] = match.Groups[2].Value.Trim();
        }

        return variables;
    }

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{[0-9]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(--[a-z0-9-]+)\s*:\s*([^;}]+)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComments();

    // Text between tags that is not a Razor expression: "<p>Hello</p>" but not "<p>@Page.Text.Hello</p>".
    [GeneratedRegex(@">\s*([^<>@{}()\s][^<>@{}]*?[A-Za-z]{2}[^<>@{}]*?)\s*<")]
    private static partial Regex LiteralText();

    [GeneratedRegex(@"\b(aria-label|title|placeholder|alt)=""[^""@]*[A-Za-z][^""]*""")]
    private static partial Regex LiteralAttribute();
}
