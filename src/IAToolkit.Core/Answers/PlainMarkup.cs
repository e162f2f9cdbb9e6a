using System.Text;

namespace IAToolkit.Answers;

/// <summary>
/// Recognizes the HTML Markdig writes for answers made only of text, paragraphs, headings, lists, emphasis, code and
/// pipe tables (most answers), and gives it in the form the sanitizer would: such HTML has nothing the sanitizer could
/// remove, so parsing it into a DOM (a quarter of a millisecond for one sentence, more for a table) is skipped.
/// </summary>
/// <remarks>
/// The test is strict: every tag must be one of <see cref="Tags"/> with no attribute (table cells may carry Markdig's
/// <c>text-align</c>), every character reference one of those Markdig writes, and the markup must not contain raw HTML
/// written by the model (the caller checks the parsed document). Anything else goes through the sanitizer.
/// A test renders a corpus both ways and compares the results.
/// </remarks>
internal static class PlainMarkup
{
    private static readonly HashSet<string> Tags = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "strong", "em", "del",
        "table", "thead", "tbody", "tr", "th", "td",
    };

    private static readonly string[] Alignments = ["left", "right", "center"];

    /// <summary>The sanitized form of <paramref name="markup"/>, or <see langword="null"/> when it needs the sanitizer.</summary>
    public static string? TrySanitize(string markup)
    {
        var result = new StringBuilder(markup.Length);
        var i = 0;
        while (i < markup.Length)
        {
            var c = markup[i];
            switch (c)
            {
                case '<':
                    var end = markup.IndexOf('>', i);
                    if (end < 0 || !TryTag(markup.AsSpan(i + 1, end - i - 1), result))
                    {
                        return null;
                    }

                    i = end + 1;
                    continue;
                case '&':
                    var reference = markup.AsSpan(i);
                    if (reference.StartsWith("&amp;") || reference.StartsWith("&lt;") || reference.StartsWith("&gt;"))
                    {
                        result.Append('&');
                        i++;
                        continue;
                    }

                    if (reference.StartsWith("&quot;"))
                    {
                        // Text needs no escaped quotes; the sanitizer writes them as they are.
                        result.Append('"');
                        i += "&quot;".Length;
                        continue;
                    }

                    return null;
                case '>' or '"' or '\u00A0' or '\0':
                    return null;
                default:
                    result.Append(c);
                    i++;
                    continue;
            }
        }

        return result.ToString().Trim();
    }

    private static bool TryTag(ReadOnlySpan<char> tag, StringBuilder result)
    {
        var closing = tag.StartsWith("/");
        var body = closing ? tag[1..] : tag;
        var space = body.IndexOf(' ');
        var name = space < 0 ? body : body[..space];
        if (!Tags.Contains(name.ToString()))
        {
            return false;
        }

        if (space < 0)
        {
            result.Append('<').Append(tag).Append('>');
            return true;
        }

        // Markdig's only attribute here: a pipe table column's alignment, which the sanitizer keeps without the ';'.
        if (closing || name is not ("th" or "td"))
        {
            return false;
        }

        foreach (var alignment in Alignments)
        {
            if (body[space..].SequenceEqual($" style=\"text-align: {alignment};\""))
            {
                result.Append('<').Append(name).Append(" style=\"text-align: ").Append(alignment).Append("\">");
                return true;
            }
        }

        return false;
    }
}
