using System.Text;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Chunking;

/// <summary>
/// Normalizes a page's whitespace and finds its words in one pass: runs of spaces and tabs become one space, one line
/// break stays <c>\n</c>, two or more become one blank line; invisible characters (soft hyphens, zero-width spaces,
/// control characters) go. Each word records the boundary before it: paragraph, line, sentence or plain word.
/// </summary>
internal static class PageTextNormalizer
{
    public static (string Text, List<int> Starts, List<int> Ends, List<byte> Boundaries) Normalize(string raw)
    {
        var text = new StringBuilder(raw.Length);
        var (starts, ends, boundaries) = (new List<int>(), new List<int>(), new List<byte>());
        var newlines = 0;
        var inWord = false;
        var glued = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (IsInvisible(c) || (c == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n'))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                newlines += c switch
                {
                    '\n' or '\r' or '\u0085' or '\u2028' or '\v' => 1,
                    '\f' or '\u2029' => 2,
                    _ => 0,
                };
                (inWord, glued) = (false, false);
                continue;
            }

            if (!inWord)
            {
                if (starts.Count > 0)
                {
                    ends.Add(text.Length);
                    var boundary = glued ? PageWords.SentenceBoundary
                        : newlines >= 2 ? PageWords.ParagraphBoundary
                        : newlines == 1 ? PageWords.LineBoundary
                        : EndsSentence(text) ? PageWords.SentenceBoundary
                        : PageWords.WordBoundary;
                    text.Append(glued ? string.Empty : boundary switch
                    {
                        PageWords.ParagraphBoundary => "\n\n",
                        PageWords.LineBoundary => "\n",
                        _ => " ",
                    });
                    boundaries.Add(boundary);
                }
                else
                {
                    boundaries.Add(PageWords.WordBoundary);
                }

                starts.Add(text.Length);
                (inWord, glued, newlines) = (true, false, 0);
            }

            text.Append(c);
            if (c is '。' or '！' or '？')
            {
                // Chinese and Japanese put no space after a sentence; its full stop is where a chunk may end.
                (inWord, glued) = (false, true);
            }
        }

        if (starts.Count > 0)
        {
            ends.Add(text.Length);
        }

        return (text.ToString(), starts, ends, boundaries);
    }

    private static bool IsInvisible(char c)
        => c is '\u00AD' or '\u200B' or '\u2060' or '\uFEFF' || (char.IsControl(c) && !char.IsWhiteSpace(c));

    private static bool EndsSentence(StringBuilder text)
    {
        var i = text.Length - 1;
        while (i > 0 && text[i] is '"' or '\'' or ')' or ']' or '»' or '”' or '’')
        {
            i--;
        }

        return i > 0 && text[i] is '.' or '!' or '?' or '…' or '。' or '！' or '？';
    }
}
