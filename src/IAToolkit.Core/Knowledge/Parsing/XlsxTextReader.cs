using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>Reads an XLSX workbook: each sheet, in workbook order, is one page numbered by its position.</summary>
internal sealed class XlsxTextReader
{
    private readonly string _fileName;
    private readonly int _maxRows;
    private readonly ParseBudget _budget;
    private readonly ILogger _logger;

    public XlsxTextReader(string fileName, ParseBudget budget, ILogger logger)
    {
        _fileName = fileName;
        _maxRows = budget.Options.MaxSheetRows;
        _budget = budget;
        _logger = logger;
    }

    public IReadOnlyList<ParsedPage> Read(Stream content)
    {
        using var document = OfficePackage.Open(_fileName, "XLSX", content, _budget, s => SpreadsheetDocument.Open(s, isEditable: false));
        try
        {
            return ReadSheets(document);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not IAToolkitException and not OperationCanceledException)
        {
            throw new DocumentUnreadableException(_fileName, $"not a valid XLSX (corrupt workbook part): {e.Message}", e);
        }
    }

    private List<ParsedPage> ReadSheets(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw new DocumentUnreadableException(_fileName, "not a valid XLSX (no workbook)");
        var sheets = workbook.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        if (sheets.Count == 0)
        {
            throw new DocumentUnreadableException(_fileName, "not a valid XLSX (no sheets)");
        }

        var cells = new XlsxCellText(
            XlsxSharedStrings.Read(workbook.SharedStringTablePart, _budget),
            XlsxNumberFormat.ReadAll(workbook.WorkbookStylesPart),
            workbook.Workbook!.WorkbookProperties?.Date1904?.Value ?? false);
        var pages = new List<ParsedPage>(sheets.Count);
        foreach (var sheet in sheets)
        {
            var name = sheet.Name?.Value ?? $"Sheet{pages.Count + 1}";
            var text = string.Empty;
            // Chart sheets and dialog sheets have no cells; they keep their number with an empty page.
            if (sheet.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) && part is WorksheetPart worksheet)
            {
                (text, var truncated) = XlsxSheetReader.Read(name, worksheet, cells, _budget);
                if (truncated)
                {
                    DocumentParserLog.SheetTruncated(_logger, _fileName, name, _maxRows);
                }
            }

            pages.Add(new ParsedPage(pages.Count + 1, text));
        }

        return pages;
    }
}
