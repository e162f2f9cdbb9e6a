using AngleSharp.Dom;
using Ganss.Xss;
using IAToolkit.Answers;

namespace IAToolkit.AspNet.Home;

/// <summary>
/// Sanitizes a company's home template. The company is a trusted author, so this is not about attacks as much as
/// about honesty: what the page's content security policy would block anyway (scripts, <c>on*</c> handlers,
/// <c>style</c> attributes and elements, frames, forms) is removed, so what a company writes is what renders, and the
/// framework's layout and sign-in form cannot be broken by it.
/// </summary>
internal static class HomeHtml
{
    // The ids of the sign-in widget: a template may not reuse them (labels would point at the wrong input).
    private static readonly HashSet<string> s_reservedIds = new(StringComparer.OrdinalIgnoreCase) { "email", "password", "return_url" };

    private static readonly HtmlSanitizerOptions s_options = new()
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "section", "article", "aside", "header", "footer", "nav", "figure", "figcaption", "details", "summary",
            "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span", "blockquote", "pre", "code", "kbd",
            "ul", "ol", "li", "dl", "dt", "dd",
            "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
            "strong", "b", "em", "i", "u", "s", "del", "ins", "mark", "sub", "sup", "small", "abbr", "cite", "q", "time",
            "a", "img",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "class", "id", "title", "lang", "dir", "role", "href", "src", "alt", "width", "height", "loading",
            "colspan", "rowspan", "scope", "datetime", "start", "reversed", "open",
            "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden",
        },
        AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel", "data" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        // Empty: every class is kept; the company's own home.css styles them.
        AllowedClasses = new HashSet<string>(StringComparer.Ordinal),
        AllowCssCustomProperties = false,
        AllowDataAttributes = false,
    };

    public static string Sanitize(string html)
    {
        var sanitizer = new HtmlSanitizer(s_options) { KeepChildNodes = true };
        sanitizer.RemovingTag += (_, e) =>
        {
            if (AnswerHtmlPolicy.DroppedWithContent.Contains(e.Tag.LocalName))
            {
                e.Tag.Remove();
                e.Cancel = true;
            }
        };
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.SanitizedUrl is not { } url)
            {
                return;
            }

            var value = url.TrimStart();
            var allowed = value.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
                ? e.Tag.LocalName == "img" && value.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase)
                : value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) || SafeUrls.IsAllowedLink(value);
            if (!allowed)
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element)
            {
                return;
            }

            if (element.GetAttribute("id") is { } id && (s_reservedIds.Contains(id) || id.StartsWith("iat", StringComparison.OrdinalIgnoreCase)))
            {
                element.RemoveAttribute("id");
            }

            if (element.LocalName == "a" && element.GetAttribute("href") is { } href && SafeUrls.IsExternal(href))
            {
                element.SetAttribute("rel", "noopener noreferrer");
            }

            // The CSP loads images from this host only: an image from elsewhere would show as broken, so its text stands in.
            if (element.LocalName == "img" && !IsLocalImage(element.GetAttribute("src")))
            {
                e.ReplacementNodes.Add(e.Document.CreateTextNode(element.GetAttribute("alt") ?? string.Empty));
            }
        };
        return sanitizer.Sanitize(html);
    }

    private static bool IsLocalImage(string? src)
    {
        var value = src?.Trim();
        return value is not null
            && ((value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal) && !value.StartsWith("/\\", StringComparison.Ordinal))
                || value.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase));
    }
}
