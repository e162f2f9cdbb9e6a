using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IAToolkit.Downloads;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IAToolkit.Core.Tests.Downloads;

/// <summary>Writers with given limits, and the produced .xlsx opened back with the Open XML SDK.</summary>
internal static class ExcelTestFiles
{
    public static ExcelWorkbookWriter Writer(int maxRows = 100_000, long maxBytes = 10 * 1024 * 1024)
        => new(Options.Create(new ExcelOptions { MaxRows = maxRows, MaxBytes = maxBytes }), NullLogger<ExcelWorkbookWriter>.Instance);

    public static ExcelWorkbook Write(string argumentsJson, ExcelWorkbookWriter? writer = null)
    {
        using var document = JsonDocument.Parse(argumentsJson);
        return (writer ?? Writer()).Write(document.RootElement);
    }

    public static SpreadsheetDocument Open(ExcelWorkbook workbook)
        => SpreadsheetDocument.Open(new MemoryStream(workbook.Content.ToArray()), isEditable: false);

    public static Worksheet Sheet(SpreadsheetDocument document)
        => document.WorkbookPart!.WorksheetParts.Single().Worksheet;

    /// <summary>The cell at an A1 reference, or null when the row has none there.</summary>
    public static Cell? Cell(Worksheet sheet, string reference)
        => sheet.Descendants<Cell>().SingleOrDefault(c => c.CellReference?.Value == reference);

    /// <summary>The text of an inline-string cell.</summary>
    public static string Text(Cell cell)
    {
        Assert.That(cell.DataType?.Value, Is.EqualTo(CellValues.InlineString), $"{cell.CellReference} is text");
        return cell.InlineString!.InnerText;
    }

    /// <summary>The number format of a cell's style (0 is General).</summary>
    public static uint NumberFormat(SpreadsheetDocument document, Cell cell)
    {
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        return formats[(int)(cell.StyleIndex?.Value ?? 0)].NumberFormatId!.Value;
    }
}
