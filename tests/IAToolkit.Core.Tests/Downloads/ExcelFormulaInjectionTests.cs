using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using static IAToolkit.Core.Tests.Downloads.ExcelTestFiles;

namespace IAToolkit.Core.Tests.Downloads;

/// <summary>
/// Text that a spreadsheet or a CSV export could revive as a formula (OWASP "CSV Injection"): read from the sheet's
/// own XML, as Excel and every CSV converter see it.
/// </summary>
[Category("Security")]
public sealed class ExcelFormulaInjectionTests
{
    private static readonly XNamespace s_main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [TestCase("=HYPERLINK(\"https://evil.example\",\"click\")")]
    [TestCase("=cmd|' /C calc'!A0")]
    [TestCase("+1+cmd|' /C calc'!A0")]
    [TestCase("-2+3+cmd|' /C calc'!A0")]
    [TestCase("@SUM(1+9)*cmd|' /C calc'!A0")]
    [TestCase("\t=1+1")]
    [TestCase("\r=1+1")]
    [TestCase("   =1+1")]
    [TestCase("\u00A0\u3000=1+1")]
    [TestCase("\n@SUM(A1)")]
    [TestCase("\uFF1D1+1")]
    [TestCase("\uFF0B1+1")]
    [TestCase("\uFF0D1+1")]
    [TestCase("\uFF20SUM(A1)")]
    [TestCase("\uFE661+1")]
    [TestCase("\u22121+1")]
    [TestCase("-")]
    [TestCase("--1")]
    [TestCase("-1e")]
    [TestCase("-1,5")]
    public void Write_TextThatCouldStartAFormula_IsAStringCellWithAnApostrophe(string hostile)
    {
        var cell = WriteOne(hostile);

        Assert.That(cell.Attribute("t")?.Value, Is.EqualTo("inlineStr"), "a string cell");
        Assert.That(cell.Element(s_main + "f"), Is.Null, "never a formula");
        Assert.That(CellText(cell), Is.EqualTo("'" + hostile.Replace("\r", "\n", StringComparison.Ordinal)), "what a CSV export writes starts with the apostrophe");
    }

    [TestCase("-12.5")]
    [TestCase("+56")]
    [TestCase("-3e-2")]
    [TestCase("Total = 5")]
    [TestCase("a-b")]
    [TestCase("ana@example.com")]
    [TestCase("")]
    [TestCase("'=already quoted")]
    public void Write_HarmlessText_IsWrittenAsGiven(string text)
    {
        var cell = WriteOne(text);

        Assert.That(cell.Attribute("t")?.Value, Is.EqualTo("inlineStr"));
        Assert.That(CellText(cell), Is.EqualTo(text));
    }

    [TestCase("-5", "-5")]
    [TestCase("-1234.75", "-1234.75")]
    [TestCase("-0.001", "-0.001")]
    public void Write_NegativeNumber_StaysANumberCell(string json, string expected)
    {
        var cell = WriteCell($$"""{"data": [{"v": {{json}}}]}""", "A2");

        Assert.That(cell.Attribute("t"), Is.Null, "a number cell has no type");
        Assert.That(cell.Element(s_main + "v")!.Value, Is.EqualTo(expected));
    }

    [Test]
    public void Write_HostileColumnName_TheHeaderCellGetsTheApostropheToo()
    {
        var cell = WriteCell("""{"data": [{"=1+1": 1}]}""", "A1");

        Assert.That(CellText(cell), Is.EqualTo("'=1+1"));
        Assert.That(cell.Element(s_main + "f"), Is.Null);
    }

    private static XElement WriteOne(string text)
        => WriteCell(JsonSerializer.Serialize(new { data = new[] { new { v = text } } }), "A2");

    // The raw worksheet XML of the produced .xlsx, not the SDK's view of it.
    private static XElement WriteCell(string argumentsJson, string reference)
    {
        var workbook = Write(argumentsJson);
        using var zip = new ZipArchive(new MemoryStream(workbook.Content.ToArray()), ZipArchiveMode.Read);
        var entry = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        using var stream = entry.Open();
        var sheet = XDocument.Load(stream);
        return sheet.Descendants(s_main + "c").Single(c => c.Attribute("r")?.Value == reference);
    }

    private static string CellText(XElement cell) => string.Concat(cell.Descendants(s_main + "t").Select(t => t.Value));
}
