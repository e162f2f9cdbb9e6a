using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using DocumentFormat.OpenXml;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IAToolkit.Downloads;

/// <summary>
/// Builds the .xlsx of the <c>iat_generate_excel</c> tool from the rows the model passes
/// (<c>{filename, sheet_name, data: [{column: value, …}, …]}</c>). The sheet streams out row by row, so memory stays
/// near the size of the input and the output; limits come from <see cref="ExcelOptions"/>.
/// </summary>
internal sealed class ExcelWorkbookWriter
{
    private readonly ExcelOptions _options;
    private readonly ILogger<ExcelWorkbookWriter> _logger;

    public ExcelWorkbookWriter(IOptions<ExcelOptions> options, ILogger<ExcelWorkbookWriter> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>The workbook for the tool's arguments: <c>filename</c> and <c>sheet_name</c> (optional strings) and <c>data</c>.</summary>
    /// <exception cref="IAToolkitException"><see cref="ErrorCodes.InvalidExcelData"/> or <see cref="ErrorCodes.ExcelTooLarge"/>.</exception>
    public ExcelWorkbook Write(JsonElement arguments)
    {
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            throw new IAToolkitException(ErrorCodes.InvalidExcelData,
                $"The arguments are {JsonKinds.Describe(arguments.ValueKind)}; expected an object {{\"filename\": …, \"sheet_name\": …, \"data\": [...]}}.");
        }

        var data = arguments.TryGetProperty("data", out var d) ? d : default;
        return Write(OptionalString(arguments, "filename"), OptionalString(arguments, "sheet_name"), data);
    }

    /// <summary>
    /// The workbook for <paramref name="data"/>, an array of objects: the header is the union of their keys in the order
    /// first seen; the file and sheet names are made safe (see <see cref="ExcelWorkbook"/>).
    /// </summary>
    /// <exception cref="IAToolkitException"><see cref="ErrorCodes.InvalidExcelData"/> or <see cref="ErrorCodes.ExcelTooLarge"/>.</exception>
    public ExcelWorkbook Write(string? fileName, string? sheetName, JsonElement data)
    {
        var started = Stopwatch.GetTimestamp();
        var rowCount = CountRows(data);
        var columns = ExcelColumns.Collect(data);
        var safeFileName = ExcelNames.FileName(fileName);
        var safeSheetName = ExcelNames.SheetName(sheetName);
        var range = $"A1:{ExcelSheetWriter.Reference(columns.Names.Count - 1, rowCount)}";

        using var output = new MemoryStream();
        using (var capped = new SizeCappedStream(output, _options.MaxBytes, () => TooLarge(rowCount)))
        using (var zip = new ZipArchive(capped, ZipArchiveMode.Create, leaveOpen: true))
        {
            ExcelPackageParts.Write(zip, safeSheetName, AbsoluteRange(range));
            using var stream = zip.CreateEntry(ExcelPackageParts.SheetPath, CompressionLevel.Optimal).Open();
            using var writer = OpenXmlWriter.Create(stream);
            WriteSheet(new ExcelSheetWriter(writer, columns.Names.Count), columns, data, range);
        }

        var content = output.TryGetBuffer(out var buffer) ? buffer.AsMemory() : output.ToArray();
        DownloadLog.ExcelWritten(_logger, rowCount, columns.Names.Count, content.Length, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new ExcelWorkbook(safeFileName, safeSheetName, rowCount, columns.Names.Count, content);
    }

    private static void WriteSheet(ExcelSheetWriter sheet, ExcelColumns columns, JsonElement data, string range)
    {
        sheet.Start(range, columns.Widths);
        sheet.WriteHeader(columns.Names);
        var values = new JsonElement[columns.Names.Count];
        var row = 1;
        foreach (var item in data.EnumerateArray())
        {
            Array.Clear(values);
            foreach (var property in item.EnumerateObject())
            {
                values[columns.IndexOf(property.Name)] = property.Value;
            }

            sheet.WriteRow(row++, values);
        }

        sheet.Finish(range);
    }

    private int CountRows(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Array)
        {
            throw new IAToolkitException(ErrorCodes.InvalidExcelData,
                $"data is {JsonKinds.Describe(data.ValueKind)}; it must be an array of rows, e.g. [{{\"name\": \"Ana\", \"total\": 3}}].");
        }

        var count = data.GetArrayLength();
        if (count == 0)
        {
            throw new IAToolkitException(ErrorCodes.InvalidExcelData, "data is empty: a spreadsheet needs at least one row.");
        }

        return count <= _options.MaxRows ? count : throw TooLarge(count);
    }

    private IAToolkitException TooLarge(int rowCount) => rowCount > _options.MaxRows
        ? new(ErrorCodes.ExcelTooLarge, $"The spreadsheet would have {rowCount:N0} rows; the limit is {_options.MaxRows:N0}. Filter or aggregate the data first.")
        : new(ErrorCodes.ExcelTooLarge, $"The spreadsheet would be larger than {_options.MaxBytes / (1024.0 * 1024):0.#} MB. Ask for fewer rows or columns.");

    private static string? OptionalString(JsonElement arguments, string name)
        => arguments.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string AbsoluteRange(string range)
        => string.Join(':', range.Split(':').Select(cell => "$" + string.Concat(cell.TakeWhile(char.IsLetter)) + "$" + string.Concat(cell.SkipWhile(char.IsLetter))));
}
