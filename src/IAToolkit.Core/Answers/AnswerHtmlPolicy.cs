using Ganss.Xss;

namespace IAToolkit.Answers;

/// <summary>The allow-lists of the chat page: what HTML an answer may contain. Everything else is removed.</summary>
internal static class AnswerHtmlPolicy
{
    /// <summary>Elements removed with everything inside them, not only their tags: their content is code or a trap.</summary>
    public static readonly IReadOnlySet<string> DroppedWithContent = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
        "form", "input", "button", "select", "option", "textarea", "noscript", "noembed", "noframes", "xmp", "plaintext",
        "title", "head", "meta", "link", "base", "canvas", "audio", "video", "source", "track", "portal", "dialog",
    };

    /// <summary>The sanitizer's options; events added per call by <see cref="AnswerSanitizer"/>.</summary>
    public static HtmlSanitizerOptions Options() => new()
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span", "blockquote", "pre", "code", "kbd", "samp",
            "ul", "ol", "li", "dl", "dt", "dd",
            "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
            "strong", "b", "em", "i", "u", "s", "del", "ins", "mark", "sub", "sup", "small", "abbr", "cite", "q",
            "a", "img",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "class", "style", "title", "href", "src", "alt", "width", "height", "colspan", "rowspan", "scope", "span",
            "start", "reversed", "type", "abbr", "cite",
        },
        AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "text-align" },
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "cite" },
        AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        AllowedClasses = new HashSet<string>(StringComparer.Ordinal),
        AllowCssCustomProperties = false,
        AllowDataAttributes = false,
    };
}
