using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace IAToolkit.Answers;

/// <summary>HTML to readable plain text: one walk over the parsed tree, then blank runs collapsed.</summary>
internal static class HtmlPlainText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "head", "title", "noscript", "svg", "math", "iframe", "object",
    };

    // Paragraph-like blocks stand apart with an empty line; lines within a list or table follow one another.
    private static readonly HashSet<string> Paragraphs = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "pre", "hr",
    };

    private static readonly HashSet<string> Lines = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "li", "tr", "dt", "dd", "caption", "section", "article", "header", "footer", "thead", "tbody", "tfoot",
    };

    /// <summary>The text of the HTML; see <see cref="AnswerRenderer.ToPlainText"/>.</summary>
    public static string From(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        var text = new StringBuilder();
        Walk(document.Body!, text, preformatted: false);
        return Tidy(text.ToString());
    }

    private static void Walk(INode node, StringBuilder text, bool preformatted)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    AppendText(text, t.Data, preformatted);
                    break;
                case IElement e when !Skipped.Contains(e.LocalName):
                    WriteElement(e, text, preformatted || e.LocalName == "pre");
                    break;
            }
        }
    }

    private static void WriteElement(IElement element, StringBuilder text, bool preformatted)
    {
        var name = element.LocalName;
        var breaks = Paragraphs.Contains(name) ? 2 : Lines.Contains(name) ? 1 : 0;
        Break(text, breaks);

        switch (name)
        {
            case "br":
                text.Append('\n');
                return;
            case "hr":
                text.Append("----------");
                Break(text, breaks);
                return;
            case "li":
                text.Append("- ");
                break;
            case "td" or "th" when element.PreviousElementSibling is not null:
                text.Append('\t');
                break;
        }

        Walk(element, text, preformatted);
        if (name == "a" && element.GetAttribute("href") is { Length: > 0 } href && href != element.TextContent.Trim())
        {
            text.Append(" (").Append(href).Append(')');
        }

        Break(text, breaks);
    }

    // Ends the text with at least that many line breaks (none at the very start).
    private static void Break(StringBuilder text, int count)
    {
        var trailing = 0;
        while (trailing < text.Length && text[text.Length - 1 - trailing] == '\n')
        {
            trailing++;
        }

        if (text.Length > 0 && trailing < count)
        {
            text.Append('\n', count - trailing);
        }
    }

    // Outside <pre>, runs of white space are one space, and none at the start of a line or after a tab.
    private static void AppendText(StringBuilder text, string data, bool preformatted)
    {
        if (preformatted)
        {
            text.Append(data);
            return;
        }

        foreach (var c in data)
        {
            if (!char.IsWhiteSpace(c) || c == '\u00A0')
            {
                text.Append(c);
            }
            else if (text.Length > 0 && text[^1] is not (' ' or '\n' or '\t'))
            {
                text.Append(' ');
            }
        }
    }

    // Trailing blanks off every line, at most one empty line in a row, none at the ends.
    private static string Tidy(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd());
        var result = new StringBuilder();
        var empty = 0;
        foreach (var line in lines)
        {
            empty = line.Length == 0 ? empty + 1 : 0;
            if (empty <= 1)
            {
                result.Append(line).Append('\n');
            }
        }

        return result.ToString().Trim('\n');
    }
}
