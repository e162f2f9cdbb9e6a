using System.Text;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.ML.Tokenizers;

namespace IAToolkit.Knowledge.Chunking;

/// <summary>
/// One page's text with its whitespace normalized (single spaces, <c>\n</c> between lines, one blank line between
/// paragraphs), cut into words that know the boundary before them and about how many tokens they take, so the
/// chunker can choose where to cut and measure a stretch of text without tokenising it again.
/// </summary>
internal sealed class PageWords
{
    public const byte WordBoundary = 0;
    public const byte SentenceBoundary = 1;
    public const byte LineBoundary = 2;
    public const byte ParagraphBoundary = 3;

    private readonly List<int> _starts;
    private readonly List<int> _ends;
    private readonly List<byte> _boundaries;
    private readonly long[] _prefixTokens;

    private PageWords(string text, List<int> starts, List<int> ends, List<byte> boundaries, int[] tokens)
    {
        Text = text;
        _starts = starts;
        _ends = ends;
        _boundaries = boundaries;
        _prefixTokens = new long[tokens.Length + 1];
        for (var i = 0; i < tokens.Length; i++)
        {
            _prefixTokens[i + 1] = _prefixTokens[i] + tokens[i];
        }
    }

    /// <summary>The normalized text.</summary>
    public string Text { get; }

    public int Count => _starts.Count;

    /// <summary>The boundary between word <paramref name="word"/> and the one before it.</summary>
    public byte BoundaryBefore(int word) => _boundaries[word];

    /// <summary>About how many tokens the words from <paramref name="from"/> up to (not including) <paramref name="to"/> take.</summary>
    public int Estimate(int from, int to) => (int)(_prefixTokens[to] - _prefixTokens[from]);

    /// <summary>The normalized text of the words from <paramref name="from"/> up to (not including) <paramref name="to"/>.</summary>
    public string Slice(int from, int to) => Text[_starts[from].._ends[to - 1]];

    /// <summary>Reads a page; a word longer than <paramref name="maxTokens"/> on its own is cut into pieces that are not.</summary>
    public static PageWords Read(string text, Tokenizer tokenizer, int maxTokens)
    {
        var (normalized, starts, ends, boundaries) = PageTextNormalizer.Normalize(text);
        var tokens = EstimateTokens(normalized, ends, tokenizer);
        if (!tokens.Any(t => t > maxTokens / 2))
        {
            return new PageWords(normalized, starts, ends, boundaries, tokens);
        }

        var (pieceStarts, pieceEnds, pieceBoundaries, pieceTokens) = (new List<int>(), new List<int>(), new List<byte>(), new List<int>());
        for (var w = 0; w < starts.Count; w++)
        {
            // Tokens in context can differ from tokens alone; a long word is measured alone, where it may end up.
            var alone = tokens[w] > maxTokens / 2 ? tokenizer.CountTokens(normalized.AsSpan(starts[w], ends[w] - starts[w])) : tokens[w];
            var start = starts[w];
            while (start < ends[w])
            {
                var length = alone <= maxTokens ? ends[w] - start : PieceLength(normalized.AsSpan(start, ends[w] - start), tokenizer, maxTokens);
                pieceStarts.Add(start);
                pieceEnds.Add(start + length);
                pieceBoundaries.Add(start == starts[w] ? boundaries[w] : WordBoundary);
                pieceTokens.Add(alone <= maxTokens ? tokens[w] : tokenizer.CountTokens(normalized.AsSpan(start, length)));
                start += length;
            }
        }

        return new PageWords(normalized, pieceStarts, pieceEnds, pieceBoundaries, [.. pieceTokens]);
    }

    private static int PieceLength(ReadOnlySpan<char> rest, Tokenizer tokenizer, int maxTokens)
    {
        var length = tokenizer.GetIndexByTokenCount(rest, maxTokens, out _, out _);
        if (length > 1 && length < rest.Length && char.IsLowSurrogate(rest[length]))
        {
            length--;
        }

        return length > 0 ? length : char.IsHighSurrogate(rest[0]) && rest.Length > 1 ? 2 : 1;
    }

    /// <summary>
    /// Tokenises the page once and gives each token to the word where its first visible character is; a token of
    /// whitespace only (a paragraph break) goes to the word after it.
    /// </summary>
    private static int[] EstimateTokens(string text, List<int> ends, Tokenizer tokenizer)
    {
        var counts = new int[ends.Count];
        if (ends.Count == 0)
        {
            return counts;
        }

        var word = 0;
        foreach (var token in tokenizer.EncodeToTokens(text, out _))
        {
            var (offset, length) = token.Offset.GetOffsetAndLength(text.Length);
            var anchor = offset;
            while (anchor < offset + length && char.IsWhiteSpace(text[anchor]))
            {
                anchor++;
            }

            while (word < ends.Count - 1 && ends[word] <= anchor)
            {
                word++;
            }

            counts[word]++;
        }

        return counts;
    }
}
