using System.Text;
using System.Text.RegularExpressions;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace IAToolkit.Knowledge.Parsing;

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

    /// <summary>
    /// The page's glyphs in the order the content stream drew them: a space where a gap opens on the baseline, a new
    /// line where the baseline moves. One pass, for pages too crowded for layout analysis (PdfPig's Docstrum
    /// segmentation grows faster than quadratically with the words of a page when lines overlap: 32,000 overlapping
    /// words took it 10 s, 64,000 took 15 s and more).
    /// </summary>
    public static string ContentOrderText(IReadOnlyList<Letter> letters)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        Letter? previous = null;
        foreach (var letter in letters)
        {
            if (previous is not null)
            {
                var size = Math.Max(previous.PointSize, 1);
                if (Math.Abs(letter.StartBaseLine.Y - previous.EndBaseLine.Y) > size * 0.5)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                else if (letter.StartBaseLine.X - previous.EndBaseLine.X > size * 0.2 && line.Length > 0 && line[^1] != ' ')
                {
                    line.Append(' ');
                }
            }

            line.Append(letter.Value);
            previous = letter;
        }

        lines.Add(line.ToString());
        return Compose([lines]);
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
