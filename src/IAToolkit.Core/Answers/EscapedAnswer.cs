using System.Text;

namespace IAToolkit.Answers;

/// <summary>
/// An answer that cannot be rendered, as HTML-encoded text: one paragraph per blank-line-separated block, line breaks
/// kept. Nothing of the model's markup survives, so it needs no sanitizer.
/// </summary>
internal static class EscapedAnswer
{
    public static string ToHtml(string text)
    {
        var html = new StringBuilder(text.Length + 64);
        var paragraphs = text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>");
            foreach (var c in paragraph)
            {
                // Only the characters that mean something in HTML: accents and other scripts stay readable in the source.
                _ = c switch
                {
                    '&' => html.Append("&amp;"),
                    '<' => html.Append("&lt;"),
                    '>' => html.Append("&gt;"),
                    '"' => html.Append("&quot;"),
                    '\'' => html.Append("&#39;"),
                    '\n' => html.Append("<br>\n"),
                    _ => html.Append(c),
                };
            }

            html.Append("</p>\n");
        }

        return html.ToString().TrimEnd();
    }
}
