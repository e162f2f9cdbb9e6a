using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using IAToolkit.Downloads;
using static IAToolkit.Core.Tests.Downloads.ExcelTestFiles;

namespace IAToolkit.Core.Tests.Downloads;

public sealed class ExcelWorkbookWriterTests
{
    private const string Rows = """
        {
          "filename": "Ventas marzo.xlsx",
          "sheet_name": "Ventas",
          "data": [
            {"cliente": "Ñandú Ltda.", "total": 1234.5, "cantidad": 3, "activo": true, "fecha": "2024-03-05", "creado": "2024-03-05T14:30:00", "nota": null},
            {"cliente": "=HYPERLINK(\"https://evil.example\")", "total": -2, "activo": false, "extra": {"a": [1, 2]}, "cuenta": 12345678901234567890, "lista": [1, "x"]},
            {"fecha": "2024-03-05T14:30:00-03:00", "creado": "1899-12-31", "cantidad": 1e2, "nota": "  con espacios  "}
          ]
        }
        """;

    [Test]
    public void Write_MixedRows_HeaderIsTheUnionOfKeysInFirstSeenOrder()
    {
        var workbook = Write(Rows);
        using var document = Open(workbook);
        var sheet = Sheet(document);

        var header = sheet.Descendants<Row>().First().Elements<Cell>().Select(Text).ToList();
        Assert.That(header, Is.EqualTo(new[] { "cliente", "total", "cantidad", "activo", "fecha", "creado", "nota", "extra", "cuenta", "lista" }));
        Assert.That(sheet.Descendants<Row>().First().Elements<Cell>().All(c => c.StyleIndex?.Value == 1), "header cells use the bold style");
        var boldFont = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt(1);
        Assert.That(boldFont.Bold, Is.Not.Null);
        Assert.That((workbook.RowCount, workbook.ColumnCount), Is.EqualTo((3, 10)));
    }

    [Test]
    public void Write_MixedRows_CellsHaveTheirTypes()
    {
        using var document = Open(Write(Rows));
        var sheet = Sheet(document);

        Assert.That(Text(Cell(sheet, "A2")!), Is.EqualTo("Ñandú Ltda."));
        Assert.That(Cell(sheet, "B2")!.DataType, Is.Null, "a number cell has no type");
        Assert.That(Cell(sheet, "B2")!.CellValue!.Text, Is.EqualTo("1234.5"));
        Assert.That(Cell(sheet, "C2")!.CellValue!.Text, Is.EqualTo("3"));
        Assert.That(Cell(sheet, "D2")!.DataType!.Value, Is.EqualTo(CellValues.Boolean));
        Assert.That(Cell(sheet, "D2")!.CellValue!.Text, Is.EqualTo("1"));
        Assert.That(Cell(sheet, "D3")!.CellValue!.Text, Is.EqualTo("0"));
        Assert.That(Cell(sheet, "G2"), Is.Null, "null is an empty cell");
        Assert.That(Cell(sheet, "C3"), Is.Null, "a missing key is an empty cell");
        Assert.That(Text(Cell(sheet, "A3")!), Is.EqualTo("'=HYPERLINK(\"https://evil.example\")"), "a formula-like value stays text, with an apostrophe");
        Assert.That(Cell(sheet, "A3")!.CellFormula, Is.Null);
        Assert.That(Text(Cell(sheet, "H3")!), Is.EqualTo("{\"a\": [1, 2]}"));
        Assert.That(Text(Cell(sheet, "J3")!), Is.EqualTo("[1, \"x\"]"));
        Assert.That(Text(Cell(sheet, "I3")!), Is.EqualTo("12345678901234567890"), "more digits than Excel keeps stay text");
        Assert.That(Cell(sheet, "C4")!.CellValue!.Text, Is.EqualTo("100"));
        Assert.That(Text(Cell(sheet, "G4")!), Is.EqualTo("  con espacios  "));
    }

    [Test]
    public void Write_IsoDates_AreRealDatesWithADateFormat()
    {
        using var document = Open(Write(Rows));
        var sheet = Sheet(document);

        var date = Cell(sheet, "E2")!;
        Assert.That(DateTime.FromOADate(double.Parse(date.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(new DateTime(2024, 3, 5)));
        Assert.That(NumberFormat(document, date), Is.EqualTo(14), "a date shows in the reader's short date format");

        var dateTime = Cell(sheet, "F2")!;
        Assert.That(DateTime.FromOADate(double.Parse(dateTime.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(new DateTime(2024, 3, 5, 14, 30, 0)));
        Assert.That(NumberFormat(document, dateTime), Is.EqualTo(22), "a date-time shows with its time");

        var withOffset = Cell(sheet, "E4")!;
        Assert.That(DateTime.FromOADate(double.Parse(withOffset.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(new DateTime(2024, 3, 5, 14, 30, 0)), "the clock time as written");
        Assert.That(Text(Cell(sheet, "F4")!), Is.EqualTo("1899-12-31"), "before Excel's calendar, a date stays text");
    }

    [Test]
    public void Write_Package_IsValidOpenXmlWithAFrozenHeaderWidthsAndAFilter()
    {
        var workbook = Write(Rows);
        using var document = Open(workbook);
        var sheet = Sheet(document);

        Assert.That(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"), Is.Empty);
        var pane = sheet.Descendants<Pane>().Single();
        Assert.That((pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value), Is.EqualTo((PaneStateValues.Frozen, 1.0, "A2")));
        var widths = sheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        Assert.That(widths, Has.Count.EqualTo(10).And.All.InRange(6.0, 60.0));
        Assert.That(widths[0], Is.GreaterThan(widths[3]), "the long names column is wider than the booleans");
        Assert.That(sheet.Descendants<AutoFilter>().Single().Reference!.Value, Is.EqualTo("A1:J4"));
        Assert.That(workbook.FileName, Is.EqualTo("Ventas marzo.xlsx"));
        Assert.That(document.WorkbookPart!.Workbook.Descendants<Sheet>().Single().Name!.Value, Is.EqualTo("Ventas"));
    }

    [TestCase("Ventas [2024]: ene/feb*?", "Ventas 2024 enefeb")]
    [TestCase("'citado'", "citado")]
    [TestCase("Un nombre de hoja demasiado largo para Excel", "Un nombre de hoja demasiado lar")]
    [TestCase("history", "history_")]
    [TestCase(" [] ", "Sheet1")]
    public void Write_SheetName_FollowsExcelRules(string requested, string expected)
    {
        var workbook = Write($$"""{"sheet_name": {{System.Text.Json.JsonSerializer.Serialize(requested)}}, "data": [{"a": 1}]}""");
        using var document = Open(workbook);

        Assert.That(workbook.SheetName, Is.EqualTo(expected));
        Assert.That(document.WorkbookPart!.Workbook.Descendants<Sheet>().Single().Name!.Value, Is.EqualTo(expected));
        Assert.That(new OpenXmlValidator().Validate(document), Is.Empty);
    }

    [TestCase("../../etc/passwd", "passwd.xlsx")]
    [TestCase(@"C:\temp\Informe Año 2024.XLS", "Informe Año 2024.xlsx")]
    [TestCase("a<b>c|d\"e.xlsx", "a_b_c_d_e.xlsx")]
    [TestCase(".oculto", "oculto.xlsx")]
    [TestCase(null, "export.xlsx")]
    [TestCase("???", "export.xlsx")]
    public void Write_FileName_IsMadeSafe(string? requested, string expected)
    {
        var json = requested is null ? """{"data": [{"a": 1}]}""" : $$"""{"filename": {{System.Text.Json.JsonSerializer.Serialize(requested)}}, "data": [{"a": 1}]}""";

        Assert.That(Write(json).FileName, Is.EqualTo(expected));
    }
}
