using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace IAToolkit.Knowledge;

/// <summary>
/// The text of one PDF page in reading order: words joined by spaces, lines by <c>\n</c>, text blocks (columns,
/// paragraphs) by a blank line, a word hyphenated across a line end joined again, and the dot leaders of a table of
/// contents shortened to an ellipsis (they cost tokens and find nothing).
/// </summary>
internal static partial class PdfPageLayout
{
    public static string Text(Page page)
    {
        var words = page.GetWords(NearestNeighbourWordExtractor.Instance)
            .Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .ToList();
        if (words.Count == 0)
        {
            return string.Empty;
        }

        List<List<string>> blocks;
        try
        {
            var segmented = DocstrumBoundingBoxes.Instance.GetBlocks(words);
            blocks = UnsupervisedReadingOrderDetector.Instance.Get(segmented)
                .Select(b => b.TextLines.Select(l => l.Text).ToList())
                .ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Layout analysis can trip over degenerate geometry (zero-size glyphs); the content order is still text.
            blocks = [[string.Join(' ', words.Select(w => w.Text))]];
        }

        return Compose(blocks);
    }

    /// <summary>Joins blocks of lines, re-joining a word the typesetter hyphenated at a line end (<c>infor-</c> + <c>mation</c>).</summary>
    public static string Compose(IEnumerable<IReadOnlyList<string>> blocks)
    {
        var text = new StringBuilder();
        foreach (var lines in blocks)
        {
            var block = new StringBuilder();
            foreach (var raw in lines)
            {
                var line = DotLeader().Replace(raw, " … ").Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                if (block.Length > 0)
                {
                    if (EndsWithHyphenatedWord(block) && char.IsLower(line[0]))
                    {
                        block.Length--;
                    }
                    else
                    {
                        block.Append('\n');
                    }
                }

                block.Append(line);
            }

            if (block.Length > 0)
            {
                text.Append(text.Length > 0 ? "\n\n" : string.Empty).Append(block);
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@" *\.{4,} *")]
    private static partial Regex DotLeader();

    private static bool EndsWithHyphenatedWord(StringBuilder block)
        => block.Length >= 3 && block[^1] is '-' or '\u00AD' or '\u2010' && char.IsLetter(block[^2]) && char.IsLetter(block[^3]);
}
