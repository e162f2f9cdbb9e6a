using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using static IAToolkit.Core.Tests.Knowledge.Parsing.XlsxTestWorkbook;

namespace IAToolkit.Core.Tests.Knowledge.Parsing;

public sealed class XlsxParsingTests
{
    [Test]
    public void Parse_WorkbookWithTwoSheets_RendersEachSheetAsATablePage()
    {
        var xlsx = Write(
            ["Product", "Quantity", "Date", "Apple", "Pear | green", "Note"],
            ("Sales",
            [
                Row(1, Shared("A1", 0), Shared("B1", 1), Shared("C1", 2), Inline("D1", "Price"), Blank("E1")),
                Row(2, Shared("A2", 3), Number("B2", "12"), Number("C2", "45292", DateStyle), Number("D2", "1234.5"), Blank("E2")),
                Row(3, Shared("A3", 4), Number("B3", "0.30000000000000004"), Number("C3", "45292.75", DateTimeStyle), Boolean("D3", true)),
                Row(4, Blank("A4"), Blank("B4")),
                Row(9),
            ]),
            ("Notes",
            [
                Row(2, Shared("B2", 5), Inline("C2", "Share")),
                Row(3, Inline("B3", "Check the stock"), Number("C3", "0.25", PercentStyle)),
                Row(4, Inline("B4", "Only a note")),
            ]));

        var document = KnowledgeTestFiles.Parse("sales.xlsx", xlsx);

        Assert.That(document.Format, Is.EqualTo("xlsx"));
        Assert.That(document.Pages.Select(p => p.Number), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(document.Pages[0].Text, Is.EqualTo(
            "# Sales\n\n" +
            "Product | Quantity | Date | Price\n" +
            "--- | --- | --- | ---\n" +
            "Apple | 12 | 2024-01-01 | 1234.5\n" +
            "Pear \\| green | 0.3 | 2024-01-01 18:00 | TRUE"));
        Assert.That(document.Pages[1].Text, Is.EqualTo(
            "# Notes\n\n" +
            "Note | Share\n" +
            "--- | ---\n" +
            "Check the stock | 25%\n" +
            "Only a note"));
    }

    [Test]
    public void Parse_SheetLongerThanTheRowCap_KeepsTheFirstRowsAndSaysSo()
    {
        var rows = Enumerable.Range(1, 20).Select(i => Row((uint)i, Inline($"A{i}", $"row {i}"))).ToArray();

        var document = KnowledgeTestFiles.Parse("long.xlsx", Write([], ("Log", rows)), maxSheetRows: 5);

        var lines = document.Pages[0].Text.Split('\n');
        Assert.That(lines, Does.Contain("row 5"));
        Assert.That(lines, Does.Not.Contain("row 6"));
        Assert.That(lines[^1], Is.EqualTo("(Only the first 5 rows of this sheet were read.)"));
    }

    [Test]
    public void Parse_EmptySheetBetweenSheets_KeepsItsNumberWithAnEmptyPage()
    {
        var xlsx = Write([], ("One", [Row(1, Inline("A1", "first"))]), ("Empty", []), ("Three", [Row(1, Inline("A1", "third"))]));

        var document = KnowledgeTestFiles.Parse("gaps.xlsx", xlsx);

        Assert.That(document.Pages.Select(p => (p.Number, p.Text.Length > 0)), Is.EqualTo(new[] { (1, true), (2, false), (3, true) }));
        Assert.That(document.Pages[2].Text, Does.StartWith("# Three"));
    }

    [TestCase("yyyy-mm-dd", true, false)]
    [TestCase("dd/mm/yyyy hh:mm:ss", true, true)]
    [TestCase("[h]:mm:ss", false, true)]
    [TestCase("mm:ss", false, true)]
    [TestCase("#,##0.00 \"days\"", false, false)]
    [TestCase("[Red]#,##0;[Blue]-#,##0", false, false)]
    [TestCase("General", false, false)]
    [TestCase("[$-409]mmmm d, yyyy", true, false)]
    public void FromCode_FormatCode_TellsDatesAndTimes(string code, bool date, bool time)
    {
        var format = XlsxNumberFormat.FromCode(code);

        Assert.That((format.Date, format.Time), Is.EqualTo((date, time)));
    }
}
