using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace IAToolkit.Core.Tests.Answers;

/// <summary>Parses rendered HTML the way a browser would and lists everything in it that could run code.</summary>
internal static class InertHtml
{
    private static readonly HashSet<string> Elements = new(StringComparer.OrdinalIgnoreCase)
    {
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span", "blockquote", "pre", "code", "kbd", "samp",
        "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th",
        "td", "strong", "b", "em", "i", "u", "s", "del", "ins", "mark", "sub", "sup", "small", "abbr", "cite", "q", "a", "img",
    };

    private static readonly HashSet<string> Attributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "class", "style", "title", "href", "src", "alt", "width", "height", "colspan", "rowspan", "scope", "span", "start",
        "reversed", "type", "abbr", "cite", "target", "rel",
    };

    /// <summary>Every element, attribute or address in the HTML that is not allowed; empty when the HTML is inert.</summary>
    public static List<string> Problems(string html)
    {
        var problems = new List<string>();
        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");
        foreach (var element in document.Body!.Descendants<IElement>())
        {
            if (!Elements.Contains(element.LocalName) || element.NamespaceUri != "http://www.w3.org/1999/xhtml")
            {
                problems.Add($"element <{element.LocalName}>");
            }

            foreach (var attribute in element.Attributes)
            {
                var value = attribute.Value;
                if (!Attributes.Contains(attribute.Name) || attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"attribute {attribute.Name} on <{element.LocalName}>");
                }
                else if (attribute.Name is "href" or "src" or "cite" && HasDangerousScheme(value))
                {
                    problems.Add($"{attribute.Name}=\"{value}\" on <{element.LocalName}>");
                }
                else if (attribute.Name == "style" && !value.StartsWith("text-align:", StringComparison.Ordinal))
                {
                    problems.Add($"style=\"{value}\" on <{element.LocalName}>");
                }
                else if (attribute.Name == "src" && !value.StartsWith("https://", StringComparison.Ordinal))
                {
                    problems.Add($"src=\"{value}\" on <{element.LocalName}>");
                }
            }
        }

        return problems;
    }

    private static bool HasDangerousScheme(string url)
    {
        var squeezed = new string([.. url.Where(c => c > ' ')]).ToLowerInvariant();
        return squeezed.StartsWith("javascript:", StringComparison.Ordinal)
            || squeezed.StartsWith("vbscript:", StringComparison.Ordinal)
            || squeezed.StartsWith("data:", StringComparison.Ordinal)
            || squeezed.StartsWith("file:", StringComparison.Ordinal);
    }
}
