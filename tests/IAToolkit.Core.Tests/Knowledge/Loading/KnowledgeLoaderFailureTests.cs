using IAToolkit.Core.Tests.Knowledge.Parsing;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Core.Tests.Knowledge.Loading;

/// <summary>Files the loader cannot take, and loads that stop half-way: reported, never half-stored.</summary>
public sealed class KnowledgeLoaderFailureTests
{
    [Test]
    public async Task LoadAsync_BadFiles_AreReportedWithTheirReasonAndTheGoodOnesLoad()
    {
        await using var host = await LoaderTestHost.StartAsync();
        host.Write("manuals", "broken.pdf", "%PDF-1.7\nthis is not a PDF body");
        host.Write("manuals", "empty.txt", string.Empty);
        host.Write("manuals", "setup.exe", "MZ\u0090\0");
        using (var huge = File.Create(host.PathOf("manuals", "scan.pdf")))
        {
            // Sparse: 200 MB on paper, nothing on disk; the loader must refuse it by its size before reading it.
            huge.SetLength(200L * 1024 * 1024);
        }

        host.Write("manuals", "good.txt", "The compressor is drained every morning.");

        var summary = (await host.LoadAsync(source: "manuals")).Single();

        Assert.That(summary.New, Is.EqualTo(1));
        var reasons = summary.Failed.ToDictionary(f => f.Path, f => f.Reason);
        Assert.That(reasons.Keys, Is.EquivalentTo(new[] { "broken.pdf", "empty.txt", "setup.exe", "scan.pdf" }));
        Assert.That(reasons["scan.pdf"], Does.Contain("200 MB").And.Contain("limit"));
        Assert.That(reasons["setup.exe"], Does.Contain(".exe").And.Contain("not a supported type"));
        Assert.That(reasons["broken.pdf"], Does.Contain("not a valid PDF"));
        Assert.That(reasons["empty.txt"], Does.Contain("empty file"));
        Assert.That((await host.DocumentsAsync()).Select(d => d.Path), Is.EqualTo(new[] { "good.txt" }), "nothing stored for the failed files");
    }

    [Test]
    public async Task LoadAsync_StoredFileBecomesCorrupt_KeepsTheVersionAlreadyStored()
    {
        await using var host = await LoaderTestHost.StartAsync();
        host.Write("manuals", "press.pdf", KnowledgeTestFiles.Pdf(["Press maintenance: every 500 hours."]));
        await host.LoadAsync();
        var before = await host.ChunksAsync();

        host.Write("manuals", "press.pdf", "%PDF-1.7\ntruncated in transfer");
        var summary = (await host.LoadAsync(source: "manuals")).Single();

        Assert.That(summary.Failed.Select(f => f.Path), Is.EqualTo(new[] { "press.pdf" }));
        Assert.That(summary.Removed, Is.Zero);
        Assert.That(await host.ChunksAsync(), Is.EqualTo(before), "the last good version is still searchable");
    }

    [Test]
    public async Task LoadAsync_InterruptedThenRunAgain_FinishesWithoutDuplicates()
    {
        await using var host = await LoaderTestHost.StartAsync();
        for (var i = 1; i <= 4; i++)
        {
            host.Write("contracts", $"contract_{i}.txt", $"Contract {i}: the supplier delivers {i * 10} pallets a month.");
        }

        using var interrupt = new CancellationTokenSource();
        var progress = new CancelAfterFirstFile(interrupt);
        Assert.That(async () => await host.LoadAsync(source: "contracts", progress: progress, cancellationToken: interrupt.Token), Throws.InstanceOf<OperationCanceledException>());
        var stopped = await host.DocumentsAsync();

        var resumed = (await host.LoadAsync(source: "contracts")).Single();

        Assert.That(stopped, Has.Count.InRange(1, 3), "the load stopped part-way");
        Assert.That((resumed.New, resumed.Unchanged, resumed.Failed.Count), Is.EqualTo((4 - stopped.Count, stopped.Count, 0)));
        var documents = await host.DocumentsAsync();
        Assert.That(documents.Select(d => d.Path), Is.EqualTo(new[] { "contract_1.txt", "contract_2.txt", "contract_3.txt", "contract_4.txt" }));
        var chunks = await host.ChunksAsync();
        Assert.That(chunks.GroupBy(c => c.Path).Select(g => g.Count()), Is.EqualTo(documents.Select(d => d.Chunks)), "each document has exactly its own chunks, once");
    }

    // Progress is reported on the loader's own flow, right after a file is stored: canceling there stops the next file.
    private sealed class CancelAfterFirstFile(CancellationTokenSource source) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => source.Cancel();
    }
}
