using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Core.Tests.Knowledge.Parsing;

/// <summary>Writes .xlsx files cell by cell with the Open XML SDK, the way Excel stores them (shared strings, styles).</summary>
internal static class XlsxTestWorkbook
{
    /// <summary>Style 0 is General, 1 a built-in date (14), 2 a custom date and time, 3 a percentage (9).</summary>
    public const uint DateStyle = 1;
    public const uint DateTimeStyle = 2;
    public const uint PercentStyle = 3;

    public static byte[] Write(string[] sharedStrings, params (string Name, Row[] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(sharedStrings.Select(s => new SharedStringItem(new Text(s))));
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy\\-mm\\-dd hh:mm" }),
                new CellFormats(
                    new CellFormat { NumberFormatId = 0 },
                    new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true }));
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(new SheetData(rows));
                workbook.Workbook.Sheets!.Append(new Sheet { Name = name, SheetId = id++, Id = workbook.GetIdOfPart(part) });
            }
        }

        return stream.ToArray();
    }

    public static Row Row(uint index, params Cell[] cells) => new(cells) { RowIndex = index };

    public static Cell Shared(string reference, int index)
        => new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) };

    public static Cell Inline(string reference, string text)
        => new(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString };

    public static Cell Number(string reference, string value, uint style = 0)
        => new() { CellReference = reference, CellValue = new CellValue(value), StyleIndex = style == 0 ? null : style };

    public static Cell Boolean(string reference, bool value)
        => new() { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(value ? "1" : "0") };

    /// <summary>A cell with a style and no value, as Excel leaves after a value is deleted.</summary>
    public static Cell Blank(string reference) => new() { CellReference = reference, StyleIndex = 1 };
}
