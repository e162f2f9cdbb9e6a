using System.Diagnostics;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using static IAToolkit.Core.Tests.Knowledge.Chunking.ChunkerTestText;

namespace IAToolkit.Core.Tests.Knowledge.Chunking;

public sealed class ChunkerScaleTests
{
    [Test]
    public void Chunk_200PageDocument_FinishesInBoundedTime()
    {
        // About 450 words a page, the density of a text-heavy report. The time is printed, not asserted tightly:
        // speed targets belong to the benchmark project; this only catches work that grows faster than the text.
        var document = Document(Enumerable.Range(0, 200).Select(p => Prose(seed: 1000 + p, paragraphs: 5, sentencesPerParagraph: 7)).ToArray());
        var chunker = Chunker();
        chunker.Chunk(Document("Warm the tokenizer up."));

        var started = Stopwatch.GetTimestamp();
        var chunks = chunker.Chunk(document);
        var elapsed = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();
        chunker.Chunk(document);
        var again = Stopwatch.GetElapsedTime(started);

        TestContext.Out.WriteLine($"200 pages, {document.Pages.Sum(p => p.Text.Length)} characters -> {chunks.Count} chunks " +
            $"({chunks.Sum(c => c.TokenCount)} tokens, {chunks.Min(c => c.TokenCount)}-{chunks.Max(c => c.TokenCount)} per chunk) " +
            $"in {elapsed.TotalMilliseconds:F0} ms the first time, {again.TotalMilliseconds:F0} ms the second");
        Assert.That(chunks.Select(c => c.Page).Distinct().Count(), Is.EqualTo(200));
        Assert.That(chunks.Max(c => c.TokenCount), Is.LessThanOrEqualTo(400));
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "linear work: seconds at most, not minutes");
    }
}
