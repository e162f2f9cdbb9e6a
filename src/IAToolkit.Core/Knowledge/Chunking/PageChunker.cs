using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.ML.Tokenizers;

namespace IAToolkit.Knowledge.Chunking;

/// <summary>
/// Cuts one page's words into chunks of at most <c>maxTokens</c> tokens. A chunk ends at the strongest boundary
/// (paragraph, then line, then sentence, then word) in the second half of the room it has, and the next chunk starts
/// with up to <c>overlapTokens</c> of the previous chunk's last words, from a sentence start when one is near.
/// </summary>
internal sealed class PageChunker
{
    private readonly Tokenizer _tokenizer;
    private readonly int _maxTokens;
    private readonly int _overlapTokens;

    public PageChunker(Tokenizer tokenizer, int maxTokens, int overlapTokens)
    {
        _tokenizer = tokenizer;
        _maxTokens = maxTokens;
        _overlapTokens = overlapTokens;
    }

    public IEnumerable<(string Text, int Tokens)> Cut(PageWords words)
    {
        var start = 0;
        var fresh = 0;
        while (fresh < words.Count)
        {
            var (end, text, tokens) = Fit(words, start, fresh);
            if (end < 0)
            {
                // The overlap leaves no room for the next word: start without it.
                start = fresh;
                continue;
            }

            yield return (text!, tokens);
            start = end == words.Count ? end : OverlapStart(words, start, end);
            fresh = end;
        }
    }

    /// <summary>
    /// The longest chunk from <paramref name="start"/> that holds at least one word from <paramref name="fresh"/> on
    /// and counts at most the maximum exactly; an end of -1 when even one new word does not fit after the overlap.
    /// </summary>
    private (int End, string? Text, int Tokens) Fit(PageWords words, int start, int fresh)
    {
        var budget = _maxTokens;
        while (true)
        {
            var furthest = FurthestEnd(words, start, budget);
            if (furthest <= fresh)
            {
                return (-1, null, 0);
            }

            var end = furthest == words.Count ? furthest : BestEnd(words, start, fresh, furthest, budget);
            var text = words.Slice(start, end);
            var tokens = _tokenizer.CountTokens(text);
            if (tokens <= _maxTokens || end == start + 1)
            {
                return (end, text, tokens);
            }

            // The estimate was short (tokens merge differently at the edges): ask for less and cut again.
            budget = Math.Min(budget - 1, words.Estimate(start, end) - (tokens - _maxTokens));
        }
    }

    /// <summary>The furthest end whose estimate fits the budget; at least one word.</summary>
    private static int FurthestEnd(PageWords words, int start, int budget)
    {
        var (low, high) = (start + 1, words.Count);
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (words.Estimate(start, middle) <= budget)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    /// <summary>The end at the strongest boundary that still leaves the chunk at least half full; the latest of equals.</summary>
    private static int BestEnd(PageWords words, int start, int fresh, int furthest, int budget)
    {
        var best = furthest;
        var bestBoundary = -1;
        for (var end = furthest; end > fresh && end > start; end--)
        {
            if (end < furthest && words.Estimate(start, end) * 2 < budget)
            {
                break;
            }

            var boundary = words.BoundaryBefore(end);
            if (boundary > bestBoundary)
            {
                (best, bestBoundary) = (end, boundary);
                if (boundary == PageWords.ParagraphBoundary)
                {
                    break;
                }
            }
        }

        return best;
    }

    /// <summary>Where the next chunk starts: the earliest word that keeps the overlap within its tokens, or a sentence start near it.</summary>
    private int OverlapStart(PageWords words, int start, int end)
    {
        var earliest = end;
        var sentence = end;
        for (var word = end - 1; word > start && words.Estimate(word, end) <= _overlapTokens; word--)
        {
            earliest = word;
            sentence = words.BoundaryBefore(word) >= PageWords.SentenceBoundary ? word : sentence;
        }

        return sentence < end && words.Estimate(sentence, end) * 3 >= _overlapTokens ? sentence : earliest;
    }
}
