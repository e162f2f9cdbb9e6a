using IAToolkit.Core.Tests.Knowledge.Parsing;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Core.Tests.Knowledge.Loading;

/// <summary>The loader behind the <c>load</c> verb over local folders: new, unchanged, changed and removed files.</summary>
public sealed class KnowledgeLoaderTests
{
    private static readonly byte[] s_pressManual = KnowledgeTestFiles.Pdf(
        ["Hydraulic press HP-200: operating manual.", "Read this manual before switching the press on."],
        ["Maintenance: tighten the ram bolts to 85 newton metres every 500 hours of operation.", "Replace the hydraulic oil once a year."]);

    [Test]
    public async Task LoadAsync_NewFiles_AreStoredWithPagesAndFoundWithDocumentAndPage()
    {
        await using var host = await LoaderTestHost.StartAsync();
        host.Write("manuals", "press.pdf", s_pressManual);
        host.Write("manuals", "notes.md", "# Workshop notes\n\nThe forklift battery is charged overnight in bay 4.");
        host.Write("contracts", "ana.docx", KnowledgeTestFiles.Docx(body => body.Append(KnowledgeTestFiles.Paragraph("Ana Torres works 38 hours a week and has 30 days of paid holiday."))));

        var summaries = await host.LoadAsync();

        var manuals = summaries.Single(s => s.Source == "manuals");
        var contracts = summaries.Single(s => s.Source == "contracts");
        Assert.That((manuals.New, manuals.Failed.Count, manuals.Pages), Is.EqualTo((2, 0, 3)), "two files, the PDF with its two pages");
        Assert.That((contracts.New, contracts.Failed.Count), Is.EqualTo((1, 0)));
        Assert.That(manuals.Chunks + contracts.Chunks, Is.EqualTo((await host.ChunksAsync()).Count));
        Assert.That(manuals.EmbeddingTime, Is.GreaterThan(TimeSpan.Zero));
        var hit = (await host.SearchAsync("ram bolt torque maintenance interval"))[0];
        Assert.That((hit.FileName, hit.Page), Is.EqualTo(("press.pdf", 2)));
        Assert.That(hit.Text, Does.Contain("85 newton metres"));
    }

    [Test]
    public async Task LoadAsync_RunAgainUnchanged_EmbedsNothingAndKeepsEveryRow()
    {
        await using var host = await LoaderTestHost.StartAsync();
        host.Write("manuals", "press.pdf", s_pressManual);
        host.Write("contracts", "terms.txt", "Payment is due thirty days after the invoice date.");
        await host.LoadAsync();
        var before = await host.ChunksAsync();

        var again = await host.LoadAsync();

        Assert.That(again.Sum(s => s.Unchanged), Is.EqualTo(2));
        Assert.That(again.Sum(s => s.New + s.Changed + s.Removed + s.Chunks + s.Failed.Count), Is.Zero);
        Assert.That(again.All(s => s.EmbeddingTime == TimeSpan.Zero), "nothing went to the model");
        Assert.That(await host.ChunksAsync(), Is.EqualTo(before), "the same rows, not rewritten ones");
    }

    [Test]
    public async Task LoadAsync_ChangedFile_ReplacesItsChunks()
    {
        await using var host = await LoaderTestHost.StartAsync();
        host.Write("contracts", "terms.txt", "Payment is due thirty days after the invoice date.");
        host.Write("contracts", "other.txt", "Deliveries arrive on Tuesdays.");
        await host.LoadAsync();
        var otherBefore = (await host.ChunksAsync()).Where(c => c.Path == "other.txt").ToList();

        host.Write("contracts", "terms.txt", "Payment is due sixty days after delivery, by bank transfer.");
        var summary = (await host.LoadAsync(source: "contracts")).Single();

        Assert.That((summary.Changed, summary.Unchanged, summary.New), Is.EqualTo((1, 1, 0)));
        var chunks = await host.ChunksAsync();
        var terms = chunks.Where(c => c.Path == "terms.txt").ToList();
        Assert.That(terms.Select(c => c.Text), Has.All.Contain("sixty days").And.None.Contain("thirty days"));
        Assert.That((await host.DocumentsAsync()).Count(d => d.Path == "terms.txt"), Is.EqualTo(1), "replaced, not added beside");
        Assert.That(chunks.Where(c => c.Path == "other.txt"), Is.EqualTo(otherBefore), "the unchanged file kept its rows");
        Assert.That((await host.SearchAsync("when is payment due"))[0].Text, Does.Contain("sixty days"));
    }

    [Test]
    public async Task LoadAsync_RemovedFile_DeletesItsDocumentAndChunksOnly()
    {
        await using var host = await LoaderTestHost.StartAsync();
        var gone = host.Write("manuals", "old.txt", "The old lathe is oiled every Friday.");
        host.Write("manuals", "kept.txt", "The new lathe needs no oiling.");
        await host.LoadAsync();

        File.Delete(gone);
        var summary = (await host.LoadAsync(source: "manuals")).Single();

        Assert.That((summary.Removed, summary.Unchanged), Is.EqualTo((1, 1)));
        Assert.That((await host.DocumentsAsync()).Select(d => d.Path), Is.EqualTo(new[] { "kept.txt" }));
        Assert.That((await host.ChunksAsync()).Select(c => c.Path), Has.All.EqualTo("kept.txt"));
    }

    [Test]
    public async Task LoadAsync_OneSource_LeavesTheOtherUnread()
    {
        await using var host = await LoaderTestHost.StartAsync();
        host.Write("manuals", "a.txt", "Manual text.");
        host.Write("contracts", "b.txt", "Contract text.");

        var summaries = await host.LoadAsync(source: "contracts");

        Assert.That(summaries.Select(s => s.Source), Is.EqualTo(new[] { "contracts" }));
        Assert.That((await host.DocumentsAsync()).Select(d => d.Source), Is.EqualTo(new[] { "contracts" }));
    }

    [Test]
    public async Task LoadAsync_UnknownSource_NamesTheSourcesThereAre()
    {
        await using var host = await LoaderTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => host.LoadAsync(source: "policies"));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.KnowledgeSourceNotFound));
        Assert.That(error.Message, Does.Contain("policies").And.Contain("manuals").And.Contain("contracts"));
    }

    [Test]
    public async Task LoadAsync_TwoCompaniesWithTheSameFileNames_NeverTouchEachOther()
    {
        await using var host = await LoaderTestHost.StartAsync(null, "acme", "globex");
        var acmeFile = host.Write("manuals", "safety.txt", "Acme: hard hats on the shop floor.", "acme");
        host.Write("manuals", "safety.txt", "Globex: goggles in the laboratory.", "globex");
        await host.LoadAsync("acme");
        await host.LoadAsync("globex");

        File.Delete(acmeFile);
        await host.LoadAsync("acme");

        Assert.That(await host.DocumentsAsync("acme"), Is.Empty);
        Assert.That((await host.ChunksAsync("globex")).Select(c => c.Text), Has.One.Contains("goggles"));
        Assert.That((await host.SearchAsync("safety rules", "globex")).Select(h => h.Text), Has.All.Contain("Globex"));
    }
}
