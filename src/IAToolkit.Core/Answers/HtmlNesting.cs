namespace IAToolkit.Answers;

/// <summary>
/// A linear pre-check of how deeply HTML nests, before the sanitizer parses it. The HTML parser checks the stack of
/// open elements on every tag, so its time grows with depth × tags: 20,000 nested <c>&lt;div&gt;</c> in 100 KB took
/// seconds of CPU. Real answers nest a dozen levels (a list in a table cell); past the limit the answer is shown as
/// text. The scan errs on the deep side (it closes fewer implied ends than a browser), never on the shallow side.
/// </summary>
internal static class HtmlNesting
{
    // Elements that never have content, so never nest.
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    // Elements a second one of the same kind closes implicitly (<li>a<li>b).
    private static readonly HashSet<string> SelfClosingSiblings = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "option",
    };

    /// <summary>Whether <paramref name="html"/> opens more than <paramref name="limit"/> elements inside each other.</summary>
    public static bool Exceeds(string html, int limit)
    {
        var open = new List<string>();
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var nameEnd = start;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            if (nameEnd == start || !char.IsAsciiLetter(html[start]))
            {
                i++;
                continue;
            }

            var name = html[start..nameEnd];
            var tagEnd = html.IndexOf('>', nameEnd);
            var selfClosed = tagEnd > 0 && html[tagEnd - 1] == '/';
            i = tagEnd < 0 ? html.Length : tagEnd + 1;
            if (closing)
            {
                // A stray end tag closes nothing, as in the parser, so it cannot hide an opening one.
                var match = open.FindLastIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
                if (match >= 0)
                {
                    open.RemoveRange(match, open.Count - match);
                }

                continue;
            }

            if (selfClosed || VoidElements.Contains(name))
            {
                continue;
            }

            if (open.Count > 0 && SelfClosingSiblings.Contains(name) && string.Equals(open[^1], name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            open.Add(name);
            if (open.Count > limit)
            {
                return true;
            }
        }

        return false;
    }
}
