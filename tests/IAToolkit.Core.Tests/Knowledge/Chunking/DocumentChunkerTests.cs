using IAToolkit.Assistant;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using static IAToolkit.Core.Tests.Knowledge.Chunking.ChunkerTestText;

namespace IAToolkit.Core.Tests.Knowledge.Chunking;

public sealed class DocumentChunkerTests
{
    [Test]
    public void Chunk_LongPage_NoChunkExceedsMaxTokensAndCountsAreExact()
    {
        var chunks = Chunker(maxTokens: 200, overlapTokens: 30).Chunk(Document(Prose(seed: 1, paragraphs: 40)));

        Assert.That(chunks, Has.Count.GreaterThan(10));
        Assert.Multiple(() =>
        {
            foreach (var chunk in chunks)
            {
                Assert.That(chunk.TokenCount, Is.LessThanOrEqualTo(200), $"chunk {chunk.Index}");
                Assert.That(chunk.TokenCount, Is.EqualTo(TokenCounter.Count(chunk.Text)), $"chunk {chunk.Index} counts as the assistant counts");
            }
        });
        Assert.That(chunks.Take(chunks.Count - 1).Min(c => c.TokenCount), Is.GreaterThanOrEqualTo(100), "a chunk that is not the page's last is at least half full");
    }

    [Test]
    public void Chunk_ConsecutiveChunksOfAPage_ShareTheirEdgeText()
    {
        var chunks = Chunker(maxTokens: 200, overlapTokens: 40).Chunk(Document(Prose(seed: 2, paragraphs: 30, sentencesPerParagraph: 12)));

        Assert.Multiple(() =>
        {
            for (var i = 1; i < chunks.Count; i++)
            {
                var overlap = SharedEdge(chunks[i - 1].Text, chunks[i].Text);
                Assert.That(overlap, Is.Not.Empty, $"chunks {i - 1} and {i} overlap");
                Assert.That(TokenCounter.Count(overlap), Is.LessThanOrEqualTo(40 + 2), $"overlap of chunk {i} stays near OverlapTokens");
            }
        });
    }

    [Test]
    public void Chunk_NoOverlapConfigured_ChunksTileThePage()
    {
        var page = Prose(seed: 3, paragraphs: 20);

        var chunks = Chunker(maxTokens: 150, overlapTokens: 0).Chunk(Document(page));

        Assert.That(string.Join(" ", chunks.Select(c => c.Text)).Replace("\n\n", " ", StringComparison.Ordinal),
            Is.EqualTo(page.Replace("\n\n", " ", StringComparison.Ordinal)));
    }

    [Test]
    public void Chunk_MultiPageDocument_NoChunkCrossesAPageAndIndexesRunAcrossPages()
    {
        var pages = Enumerable.Range(1, 5).Select(p => $"PAGE{p}MARK " + Prose(seed: 10 + p, paragraphs: 8)).ToArray();

        var chunks = Chunker(maxTokens: 150, overlapTokens: 20).Chunk(Document(pages));

        Assert.That(chunks.Select(c => c.Index), Is.EqualTo(Enumerable.Range(0, chunks.Count)));
        Assert.That(chunks.Select(c => c.Page).Distinct(), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
        Assert.That(chunks.Select(c => c.Page), Is.Ordered);
        Assert.Multiple(() =>
        {
            foreach (var chunk in chunks)
            {
                Assert.That(pages[chunk.Page - 1], Does.Contain(chunk.Text), $"chunk {chunk.Index} is text of page {chunk.Page} only");
            }
        });
    }

    [Test]
    public void Chunk_TinyPages_AreNotMerged()
    {
        var chunks = Chunker().Chunk(Document("Cover page.", string.Empty, "Contents.", "Chapter one begins."));

        Assert.That(chunks.Select(c => (c.Index, c.Page, c.Text)), Is.EqualTo(new[]
        {
            (0, 1, "Cover page."),
            (1, 3, "Contents."),
            (2, 4, "Chapter one begins."),
        }));
    }

    [Test]
    public void Chunk_SameDocumentTwice_GivesTheSameChunks()
    {
        var document = Document(Prose(seed: 4, paragraphs: 25), Prose(seed: 5, paragraphs: 25));

        var first = Chunker().Chunk(document);
        var second = Chunker().Chunk(document);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Chunk_MessyWhitespace_IsNormalized()
    {
        var chunks = Chunker().Chunk(Document("  Title \t here\r\n\r\n\r\n  First\u00A0line  \nsecond\u200B line\f\fNext   part  "));

        Assert.That(chunks.Single().Text, Is.EqualTo("Title here\n\nFirst line\nsecond line\n\nNext part"));
    }

    /// <summary>The longest suffix of <paramref name="previous"/> that <paramref name="next"/> starts with.</summary>
    internal static string SharedEdge(string previous, string next)
    {
        for (var length = Math.Min(previous.Length, next.Length); length > 0; length--)
        {
            if (next.StartsWith(previous[^length..], StringComparison.Ordinal))
            {
                return previous[^length..];
            }
        }

        return string.Empty;
    }
}
