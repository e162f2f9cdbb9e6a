using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using IAToolkit.AspNet.Branding;
using IAToolkit.Companies;
using Microsoft.Extensions.Logging;

namespace IAToolkit.AspNet.Home;

/// <summary>
/// A company's home page content from its folder: <c>templates/home_&lt;lang&gt;.html</c> for the page's language,
/// else <c>templates/home.html</c>, else the template in the company's own language, else <c>home_en.html</c>; none
/// means the framework's default home. The text placeholders <c>{{company_name}}</c>, <c>{{company}}</c> and
/// <c>{{logo_url}}</c> are filled in before sanitizing; <c>{{login}}</c> marks where the sign-in widget goes.
/// </summary>
internal static partial class HomeTemplates
{
    /// <summary>The largest template or stylesheet read (a home page, not a site).</summary>
    public const int MaxBytes = 256 * 1024;

    private const string LoginSlot = "{{login}}";

    // Sanitized results, by file version and the values filled in; replaced when either changes.
    private static readonly ConcurrentDictionary<string, (string Key, HomeTemplate Template)> s_templates = new(StringComparer.Ordinal);

    public static HomeTemplate? Find(Company company, string language, ILogger? logger)
    {
        foreach (var (name, written) in Candidates(language, company.Configuration.Language))
        {
            var path = Path.Combine(company.Folder, "templates", name);
            if (!File.Exists(path))
            {
                continue;
            }

            if (CompanyFiles.Read(path, MaxBytes, logger) is not { } file)
            {
                return null;
            }

            var logoUrl = CompanyLogo.UrlFor(company) ?? string.Empty;
            var key = file.Version + "|" + logoUrl;
            if (s_templates.TryGetValue(path, out var cached) && cached.Key == key)
            {
                return cached.Template;
            }

            var template = Build(Encoding.UTF8.GetString(file.Body), company, logoUrl, written);
            s_templates[path] = (key, template);
            return template;
        }

        return null;
    }

    /// <summary>The company's <c>templates/home.css</c>, when it has one.</summary>
    public static CompanyFile? Stylesheet(Company company, ILogger? logger)
        => CompanyFiles.Read(Path.Combine(company.Folder, "templates", "home.css"), MaxBytes, logger);

    /// <summary>Whether the company has <c>templates/home.css</c> (the home page then links it).</summary>
    public static string? StylesheetUrl(Company company)
        => Stylesheet(company, null) is { } css ? $"/_iatoolkit/{company.ShortName}/home.css?v={css.Version}" : null;

    internal static HomeTemplate Build(string text, Company company, string logoUrl, string? language)
    {
        var html = HtmlEncoder.Default;
        var filled = Placeholder().Replace(text, match => match.Groups[1].Value switch
        {
            "company_name" => html.Encode(company.Configuration.Name),
            "company" => html.Encode(company.ShortName),
            "logo_url" => html.Encode(logoUrl),
            "login" => LoginSlot,
            _ => match.Value,
        });
        var sanitized = HomeHtml.Sanitize(filled);

        // Only the first {{login}} is the widget's place (one sign-in form per page); any other is dropped.
        var slot = sanitized.IndexOf(LoginSlot, StringComparison.Ordinal);
        return slot < 0
            ? new HomeTemplate(sanitized, string.Empty, false, language)
            : new HomeTemplate(sanitized[..slot], sanitized[(slot + LoginSlot.Length)..].Replace(LoginSlot, string.Empty, StringComparison.Ordinal), true, language);
    }

    private static IEnumerable<(string File, string? Language)> Candidates(string language, string companyLanguage)
    {
        yield return ($"home_{language}.html", language);
        yield return ("home.html", null);
        if (companyLanguage != language && companyLanguage.All(char.IsAsciiLetterLower))
        {
            yield return ($"home_{companyLanguage}.html", companyLanguage);
        }

        if (language != "en" && companyLanguage != "en")
        {
            yield return ("home_en.html", "en");
        }
    }

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
