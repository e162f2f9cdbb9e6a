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

public sealed class ChunkBoundaryTests
{
    [Test]
    public void Chunk_ParagraphsThatFitTwoToAChunk_CutsAtParagraphEnds()
    {
        var paragraphs = Enumerable.Range(0, 10).Select(i => Prose(seed: 20 + i, paragraphs: 1, sentencesPerParagraph: 5)).ToList();

        var chunks = Chunker(maxTokens: 400, overlapTokens: 0).Chunk(Document(string.Join("\n\n", paragraphs)));

        Assert.That(chunks, Has.Count.GreaterThan(1));
        Assert.Multiple(() =>
        {
            foreach (var chunk in chunks)
            {
                Assert.That(paragraphs, Has.Some.EqualTo(chunk.Text.Split("\n\n")[^1]), $"chunk {chunk.Index} ends with a whole paragraph");
            }
        });
    }

    [Test]
    public void Chunk_OneLongParagraph_CutsAtSentenceEnds()
    {
        var chunks = Chunker(maxTokens: 120, overlapTokens: 20).Chunk(Document(Prose(seed: 30, paragraphs: 1, sentencesPerParagraph: 60)));

        Assert.That(chunks, Has.Count.GreaterThan(5));
        Assert.That(chunks.Select(c => c.Text[^1]), Has.All.EqualTo('.'));
        Assert.That(chunks.Skip(1).Select(c => char.IsUpper(c.Text[0])), Has.All.True, "the overlap starts at a sentence start");
    }

    [Test]
    public void Chunk_TableRows_CutsBetweenRows()
    {
        var rows = Enumerable.Range(1, 200).Select(i => $"Item {i} | Warehouse {i % 7} | {i * 3} units | 2024-01-{1 + (i % 28):D2}").ToList();
        var sheet = "# Stock\n\nItem | Warehouse | Quantity | Date\n--- | --- | --- | ---\n" + string.Join('\n', rows);

        var chunks = Chunker(maxTokens: 200, overlapTokens: 40).Chunk(Document(sheet));

        Assert.Multiple(() =>
        {
            foreach (var chunk in chunks.Skip(1))
            {
                var lines = chunk.Text.Split('\n');
                Assert.That(rows, Does.Contain(lines[0]), $"chunk {chunk.Index} starts with a whole row");
                Assert.That(rows, Does.Contain(lines[^1]), $"chunk {chunk.Index} ends with a whole row");
            }
        });
    }

    [Test]
    public void Chunk_WordLongerThanTheMaximum_IsSplitIntoPiecesThatFit()
    {
        var blob = string.Concat(Enumerable.Range(0, 600).Select(i => (i * 7919 % 65536).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)));
        var page = $"Before the blob. {blob} After the blob.";

        var chunks = Chunker(maxTokens: 100, overlapTokens: 10).Chunk(Document(page));

        Assert.That(chunks.Select(c => c.TokenCount), Has.All.LessThanOrEqualTo(100));
        Assert.That(chunks.Select(c => TokenCounter.Count(c.Text)), Has.All.LessThanOrEqualTo(100));
        Assert.That(string.Concat(chunks.Select(c => c.Text)), Does.Contain(blob[..200]));
        Assert.That(chunks[^1].Text, Does.EndWith("After the blob."));
    }

    [Test]
    public void Chunk_JapaneseWithoutSpaces_CutsAfterFullStops()
    {
        var sentence = "従業員は毎月一・五日の有給休暇を取得します。";
        var page = string.Concat(Enumerable.Repeat(sentence, 80));

        var chunks = Chunker(maxTokens: 100, overlapTokens: 0).Chunk(Document(page));

        Assert.That(chunks, Has.Count.GreaterThan(3));
        Assert.That(chunks.Select(c => c.Text[^1]), Has.All.EqualTo('。'));
        Assert.That(string.Concat(chunks.Select(c => c.Text)), Is.EqualTo(page));
    }
}
