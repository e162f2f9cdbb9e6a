using System.Diagnostics;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Testing.Documents;
using static IAToolkit.Core.Tests.Knowledge.Parsing.KnowledgeTestFiles;

namespace IAToolkit.Core.Tests.Knowledge.Parsing;

/// <summary>Reading off the request path: a time limit that holds, cancellation that stops the work, a bounded number of readings.</summary>
[Category("Security")]
public sealed class ParsingSlotsTests
{
    // Hundreds of pages of ordinary text: seconds of honest work, within every size budget.
    private static readonly byte[] s_slowPdf = HandWrittenPdfContent.Write(HandWrittenPdfContent.WordsOnLines(400), pages: 1500);

    [Test]
    public async Task ParseAsync_PastTheTimeBudget_IsRefusedWithinTheBudgetNamingIt()
    {
        using var parser = Parser(new DocumentParsingOptions { MaxParseTime = TimeSpan.FromMilliseconds(500) });
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DocumentTooComplexException>(() => parser.ParseAsync("slow.pdf", s_slowPdf, waitForSlot: false, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("longer than the 0.5 s").And.Contain("IAToolkit:Knowledge:Parsing:MaxParseTime"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public async Task ParseAsync_AllSlotsBusy_IsRefusedAtOnceWithARetryTime()
    {
        using var parser = Parser(new DocumentParsingOptions { MaxConcurrentParses = 1, MaxQueueWait = TimeSpan.Zero, MaxParseTime = TimeSpan.FromSeconds(3) });
        var first = parser.ParseAsync("slow.pdf", s_slowPdf, waitForSlot: false, CancellationToken.None);
        var watch = Stopwatch.StartNew();

        var busy = await Assert.ThrowsAsync<ParsingBusyException>(() => parser.ParseAsync("note.txt", "hello"u8.ToArray(), waitForSlot: false, CancellationToken.None));

        Assert.That(busy!.Code, Is.EqualTo("parsing_busy"));
        Assert.That(busy.RetryAfter, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
        await Assert.ThrowsAsync<DocumentTooComplexException>(() => first);
        var after = await parser.ParseAsync("note.txt", "hello"u8.ToArray(), waitForSlot: false, CancellationToken.None);
        Assert.That(after.Pages[0].Text, Is.EqualTo("hello"), "the slot is free again once the reading ended");
    }

    [Test]
    public async Task ParseAsync_LoaderWhileAllSlotsBusy_WaitsItsTurn()
    {
        using var parser = Parser(new DocumentParsingOptions { MaxConcurrentParses = 1, MaxQueueWait = TimeSpan.Zero, MaxParseTime = TimeSpan.FromSeconds(1) });
        var first = parser.ParseAsync("slow.pdf", s_slowPdf, waitForSlot: false, CancellationToken.None);
        var watch = Stopwatch.StartNew();

        var loaded = await parser.ParseAsync("note.txt", "queued"u8.ToArray(), waitForSlot: true, CancellationToken.None);

        Assert.That(loaded.Pages[0].Text, Is.EqualTo("queued"));
        Assert.That(watch.Elapsed, Is.GreaterThan(TimeSpan.FromMilliseconds(700)), "it waited for the slow reading's slot instead of being refused");
        await Assert.ThrowsAsync<DocumentTooComplexException>(() => first);
    }

    [Test]
    public async Task ParseAsync_Canceled_StopsTheReadingAndFreesItsSlot()
    {
        using var parser = Parser(new DocumentParsingOptions { MaxConcurrentParses = 1, MaxQueueWait = TimeSpan.FromSeconds(2), MaxParseTime = TimeSpan.FromSeconds(30) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        await Assert.CatchAsync<OperationCanceledException>(() => parser.ParseAsync("slow.pdf", s_slowPdf, waitForSlot: false, cancel.Token));
        var next = await parser.ParseAsync("note.txt", "next"u8.ToArray(), waitForSlot: false, CancellationToken.None);

        Assert.That(next.Pages[0].Text, Is.EqualTo("next"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)), "the canceled reading stopped at its next page instead of running to the end");
    }

    [Test]
    public void Parse_TextFilePastTheCharacterBudget_IsRefused()
    {
        using var parser = Parser(new DocumentParsingOptions { MaxCharacters = 1000 });

        var error = Assert.Throws<DocumentTooComplexException>(() => parser.Parse("long.txt", new MemoryStream(new byte[5000].Select(_ => (byte)'a').ToArray())));

        Assert.That(error!.Message, Does.Contain("MaxCharacters"));
    }

    [TestCase("MaxCharacters", 0)]
    [TestCase("MaxPartBytes", -1)]
    [TestCase("MaxPackageEntries", 0)]
    [TestCase("MaxPdfPages", 0)]
    [TestCase("MaxCells", 0)]
    [TestCase("MaxConcurrentParses", -1)]
    public void Validate_BudgetOutOfRange_FailsNamingTheKey(string key, int value)
    {
        var options = new DocumentParsingOptions();
        typeof(DocumentParsingOptions).GetProperty(key)!.SetValue(options, Convert.ChangeType(value, typeof(DocumentParsingOptions).GetProperty(key)!.PropertyType, System.Globalization.CultureInfo.InvariantCulture));

        var result = new DocumentParsingOptionsValidator().Validate(null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain($"IAToolkit:Knowledge:Parsing:{key}"));
    }

    [Test]
    public void Validate_Defaults_Succeed()
        => Assert.That(new DocumentParsingOptionsValidator().Validate(null, new DocumentParsingOptions()).Succeeded, Is.True);
}
