using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using static IAToolkit.Core.Tests.Knowledge.Parsing.KnowledgeTestFiles;

namespace IAToolkit.Core.Tests.Knowledge.Parsing;

public sealed class PdfParsingTests
{
    [Test]
    public void Parse_MultiPagePdf_KeepsEachPagesNumberAndText()
    {
        var pdf = Pdf(
            ["Vacation policy", "Employees accrue 1.5 days per month."],
            ["Expense policy", "Meals are reimbursed up to 40 USD."],
            ["Travel policy", "Book economy class for flights under six hours."]);

        var document = Parse("policies.pdf", pdf);

        Assert.That(document.Format, Is.EqualTo("pdf"));
        Assert.That(document.FileName, Is.EqualTo("policies.pdf"));
        Assert.That(document.Pages.Select(p => p.Number), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(document.Pages[0].Text, Does.Contain("Employees accrue 1.5 days per month."));
        Assert.That(document.Pages[1].Text, Does.Contain("Meals are reimbursed up to 40 USD."));
        Assert.That(document.Pages[1].Text, Does.Not.Contain("Employees"), "page 2 holds only page 2's text");
        Assert.That(document.Pages[2].Text, Does.Contain("Book economy class for flights under six hours."));
    }

    [Test]
    public void Parse_PdfLines_SeparatesWordsBySpacesAndLinesByNewlines()
    {
        var document = Parse("lines.pdf", Pdf(["First line of text", "Second line of text"]));

        Assert.That(document.Pages[0].Text, Is.EqualTo("First line of text\nSecond line of text"));
    }

    [Test]
    public void Parse_WordHyphenatedAtLineEnd_JoinsTheWordAgain()
    {
        var document = Parse("hyphen.pdf", Pdf(["The committee reviewed the infor-", "mation on Monday."]));

        Assert.That(document.Pages[0].Text, Does.Contain("reviewed the information on Monday."));
    }

    [Test]
    public void Parse_TableOfContentsWithDotLeaders_ShortensTheLeaders()
    {
        var document = Parse("toc.pdf", Pdf(["1 Introduction ........................ 1", "2 Vacation policy................... 4"]));

        Assert.That(document.Pages[0].Text, Is.EqualTo("1 Introduction … 1\n2 Vacation policy … 4"));
    }

    [Test]
    public void Parse_PdfWithoutTextLayer_IsUnreadableAsScanned()
    {
        var error = Assert.Throws<DocumentUnreadableException>(() => Parse("scan.pdf", PdfWithoutText(pages: 2)));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.DocumentUnreadable));
        Assert.That(error.Message, Is.EqualTo("Cannot read 'scan.pdf': no text layer (scanned?)."));
    }

    [Test]
    public void Parse_TruncatedPdf_IsUnreadableAsCorrupt()
    {
        var pdf = Pdf(["Some text on the first page"], ["More text on the second page"]);

        var error = Assert.Throws<DocumentUnreadableException>(() => Parse("broken.pdf", pdf[..(pdf.Length / 3)]));

        Assert.That(error!.Message, Does.StartWith("Cannot read 'broken.pdf': "));
        Assert.That(error.Reason, Does.StartWith("not a valid PDF (corrupt or truncated?): "));
        Assert.That(error.Message, Does.Not.EndWith(".."));
    }

    [Test]
    public void Parse_PasswordProtectedPdf_IsUnreadableAsEncrypted()
    {
        var error = Assert.Throws<DocumentUnreadableException>(() => Parse("locked.pdf", HandWrittenPdf.PasswordProtected()));

        Assert.That(error!.Message, Is.EqualTo("Cannot read 'locked.pdf': encrypted (password protected)."));
    }

    [Test]
    public void Parse_BytesThatAreNotAPdf_IsUnreadableAsNotAValidPdf()
    {
        var error = Assert.Throws<DocumentUnreadableException>(() => Parse("fake.pdf", "just some text, not a PDF"u8.ToArray()));

        Assert.That(error!.Reason, Does.StartWith("not a valid PDF"));
    }

    [Test]
    public void Parse_StreamThatCannotSeek_ReadsThePdf()
    {
        var pdf = Pdf(["Page one"], ["Page two"]);

        var document = Parser().Parse("upload.pdf", new ForwardOnlyStream(pdf));

        Assert.That(document.Pages.Select(p => p.Text), Is.EqualTo(new[] { "Page one", "Page two" }));
    }
}
