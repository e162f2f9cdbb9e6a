using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using static IAToolkit.Core.Tests.Knowledge.Parsing.KnowledgeTestFiles;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace IAToolkit.Core.Tests.Knowledge.Parsing;

public sealed class DocxParsingTests
{
    [Test]
    public void Parse_DocxWithHeadingsTableAndPageBreak_KeepsStructureOnTwoPages()
    {
        var docx = Docx(body => body.Append(
            Paragraph("Handbook", "Ttulo1"),
            Paragraph("Welcome to the company."),
            Paragraph("Offices", "Heading2"),
            Table(["City", "Address"], ["Santiago", "Av. Apoquindo 123"], ["Lima", "Calle Los Pinos 45"]),
            new W.Paragraph(new W.Run(new W.Break { Type = W.BreakValues.Page })),
            Paragraph("Benefits", "Heading2"),
            Paragraph("Health insurance starts on day one.")));

        var document = Parse("handbook.docx", docx);

        Assert.That(document.Format, Is.EqualTo("docx"));
        Assert.That(document.Pages.Select(p => p.Number), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(document.Pages[0].Text, Is.EqualTo(
            "# Handbook\n\nWelcome to the company.\n\n## Offices\n\nCity | Address\nSantiago | Av. Apoquindo 123\nLima | Calle Los Pinos 45"));
        Assert.That(document.Pages[1].Text, Is.EqualTo("## Benefits\n\nHealth insurance starts on day one."));
    }

    [Test]
    public void Parse_RenderedPageBreakRightAfterAnExplicitOne_CountsOnePage()
    {
        // Word records a rendered break at the top of the page an explicit break starts; it is the same page.
        var docx = Docx(body => body.Append(
            Paragraph("Page one text."),
            new W.Paragraph(new W.Run(new W.Break { Type = W.BreakValues.Page })),
            new W.Paragraph(new W.Run(new W.LastRenderedPageBreak(), new W.Text("Page two text."))),
            new W.Paragraph(new W.Run(new W.Text("Still page two, until Word ran out of room")), new W.Run(new W.LastRenderedPageBreak(), new W.Text(" and went on to page three.")))));

        var document = Parse("breaks.docx", docx);

        Assert.That(document.Pages.Select(p => p.Text), Is.EqualTo(new[]
        {
            "Page one text.",
            "Page two text.\n\nStill page two, until Word ran out of room",
            "and went on to page three.",
        }));
    }

    [Test]
    public void Parse_TableRunningOntoTheNextPage_SplitsBetweenRows()
    {
        var table = Table(["Year", "Days"], ["2023", "15"], ["2024", "16"]);
        var lastRow = table.Elements<W.TableRow>().Last();
        lastRow.Descendants<W.Run>().First().PrependChild(new W.LastRenderedPageBreak());
        var docx = Docx(body => body.Append(Paragraph("Vacation days per year:"), table));

        var document = Parse("table.docx", docx);

        Assert.That(document.Pages.Select(p => p.Text), Is.EqualTo(new[] { "Vacation days per year:\n\nYear | Days\n2023 | 15", "2024 | 16" }));
    }

    [Test]
    public void Parse_DocxWithoutPageBreaks_IsOnePage()
    {
        var docx = Docx(body => body.Append(Paragraph("One."), Paragraph("Two.")));

        var document = Parse("short.docx", docx);

        Assert.That(document.Pages, Has.Count.EqualTo(1));
        Assert.That(document.Pages[0], Is.EqualTo(new ParsedPage(1, "One.\n\nTwo.")));
    }

    [Test]
    public void Parse_NumberedParagraphs_BecomeAdjacentListLines()
    {
        static W.Paragraph Item(string text) => new(
            new W.ParagraphProperties(new W.NumberingProperties(new W.NumberingLevelReference { Val = 0 }, new W.NumberingId { Val = 1 })),
            new W.Run(new W.Text(text)));
        var docx = Docx(body => body.Append(Paragraph("Steps:"), Item("Open the form"), Item("Sign it"), Paragraph("Done.")));

        var document = Parse("steps.docx", docx);

        Assert.That(document.Pages[0].Text, Is.EqualTo("Steps:\n\n- Open the form\n- Sign it\n\nDone."));
    }

    [Test]
    public void Parse_ZipThatIsNotADocx_IsUnreadable()
    {
        var xlsx = XlsxTestWorkbook.Write(["a"], ("Sheet1", [XlsxTestWorkbook.Row(1, XlsxTestWorkbook.Shared("A1", 0))]));

        var error = Assert.Throws<DocumentUnreadableException>(() => Parse("renamed.docx", xlsx));

        Assert.That(error!.Reason, Does.StartWith("not a valid DOCX"));
    }

    [Test]
    public void Parse_DocxWithoutText_IsUnreadable()
    {
        var error = Assert.Throws<DocumentUnreadableException>(() => Parse("blank.docx", Docx(body => body.Append(new W.Paragraph()))));

        Assert.That(error!.Message, Is.EqualTo("Cannot read 'blank.docx': no text."));
    }
}
