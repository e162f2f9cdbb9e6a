using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Testing.Documents;
using static IAToolkit.Core.Tests.Knowledge.Parsing.BudgetProbe;
using static IAToolkit.Core.Tests.Knowledge.Parsing.KnowledgeTestFiles;

namespace IAToolkit.Core.Tests.Knowledge.Parsing;

/// <summary>
/// PDFs made to blow up the reader: layouts whose analysis grows faster than the text, streams that inflate to
/// gigabytes, thousands of pages sharing one stream. Each is read in bounded time or refused quickly.
/// </summary>
[Category("Security")]
public sealed class PdfBombTests
{
    [Test]
    public void Parse_SixtyThousandOverlappingWordsOnOnePage_IsReadInLinearTime()
    {
        // PdfPig's Docstrum segmentation took 10 s for 32,000 such words and 15 s for 64,000 on the build machine.
        var pdf = HandWrittenPdfContent.Write(HandWrittenPdfContent.WordsOnLines(60_000), compress: true);

        var (error, _, elapsed, document) = BudgetProbe.Run(Parser(), "crowded.pdf", pdf);

        Assert.That(error, Is.Null);
        Assert.That(document!.Pages[0].Text, Does.Contain("w42"));
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(6)));
    }

    [Test]
    public void Parse_HundredThousandOneLetterRunsOnOneLine_IsReadInLinearTime()
    {
        var pdf = HandWrittenPdfContent.Write(HandWrittenPdfContent.TinyRunsOnOneLine(100_000), compress: true);
        Assert.That(pdf.Length, Is.LessThan(512 * 1024));

        var (error, _, elapsed, document) = BudgetProbe.Run(Parser(), "runs.pdf", pdf);

        Assert.That(error, Is.Null);
        Assert.That(document!.Pages[0].Text, Is.Not.Empty);
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(6)));
    }

    [Test]
    public void Parse_OneTjArrayOfThreeHundredThousandGlyphs_IsReadInLinearTime()
    {
        var pdf = HandWrittenPdfContent.Write(HandWrittenPdfContent.HugeTjArray(300_000), compress: true);
        Assert.That(pdf.Length, Is.LessThan(10 * 1024), "a file of a few kilobytes, as the audit's 5 KB PDF");

        var (error, _, elapsed, document) = BudgetProbe.Run(Parser(), "tj.pdf", pdf);

        Assert.That(error, Is.Null);
        Assert.That(document!.Pages[0].Text.Length, Is.InRange(250_000, 320_000));
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(6)));
    }

    [Test]
    public void Parse_GlyphsPastTheCharacterBudget_IsRefusedBeforeLayout()
    {
        var pdf = HandWrittenPdfContent.Write(HandWrittenPdfContent.HugeTjArray(150_000), compress: true);

        var (error, _, elapsed) = Refused(Parser(new DocumentParsingOptions { MaxCharacters = 100_000 }), "tj.pdf", pdf, "MaxCharacters");

        Assert.That(error.Reason, Does.Contain("100,000 characters"));
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(6)));
    }

    [Test]
    public void Parse_FlateStreamExpandingPastTheStreamBudget_IsRefusedWithoutInflatingIt()
    {
        var bomb = HandWrittenPdfContent.FlateBomb(120 * Megabyte);
        Assert.That(bomb.Length, Is.LessThan(Megabyte));

        var (error, allocated, elapsed) = Refused(Parser(), "flate.pdf", bomb, "MaxPdfStreamBytes");

        Assert.That(error.Reason, Does.Contain("more than 20 MB"));
        Assert.That(allocated, Is.LessThan(20 * Megabyte), "measured as it inflates, never held whole");
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(6)));
    }

    [Test]
    public void Parse_ThousandsOfPagesSharingOneStream_IsRefusedByThePageBudget()
    {
        var pdf = HandWrittenPdfContent.Write(HandWrittenPdfContent.WordsOnLines(100), pages: 20_000);

        var (error, _, elapsed) = Refused(Parser(), "pages.pdf", pdf, "MaxPdfPages");

        Assert.That(error.Reason, Does.Contain("20,000 pages"));
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(6)));
    }

    [Test]
    public void Parse_PagesSharingAStreamThatExpandsEachTime_IsRefusedByTheDecodedBudget()
    {
        // 1,000 pages, each decoding the same 4 MB stream: 4 GB of inflating from a file of a few kilobytes.
        var bomb = HandWrittenPdfContent.FlateBomb(4 * Megabyte, pages: 1000);

        var (error, _, elapsed, _) = BudgetProbe.Run(Parser(new DocumentParsingOptions { MaxPdfDecodedBytes = 40 * Megabyte }), "shared.pdf", bomb);

        Assert.That(error, Is.TypeOf<DocumentTooComplexException>(), error?.ToString() ?? "read whole");
        Assert.That(error!.Message, Does.Contain("MaxPdfDecodedBytes"));
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(8)));
    }
}
