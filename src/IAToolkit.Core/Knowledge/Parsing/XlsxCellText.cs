using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// A spreadsheet cell's value as text, the same on every machine: shared strings resolved, numbers to 15 significant
/// digits with a dot, dates as ISO 8601 when the cell's number format is a date format.
/// </summary>
internal sealed class XlsxCellText
{
    // Excel's serial dates end at 9999-12-31; OLE automation dates cannot go below 100-01-01.
    private const double MaxSerial = 2958466;
    private const int Date1904Offset = 1462;

    private readonly IReadOnlyList<string> _sharedStrings;
    private readonly IReadOnlyList<XlsxNumberFormat> _formats;
    private readonly bool _date1904;

    public XlsxCellText(IReadOnlyList<string> sharedStrings, IReadOnlyList<XlsxNumberFormat> formats, bool date1904)
    {
        _sharedStrings = sharedStrings;
        _formats = formats;
        _date1904 = date1904;
    }

    public string Of(Cell cell)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        string text;
        if (type == CellValues.SharedString)
        {
            text = int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < _sharedStrings.Count
                ? _sharedStrings[index]
                : string.Empty;
        }
        else if (type == CellValues.InlineString)
        {
            text = cell.InlineString is null ? raw ?? string.Empty : XlsxSharedStrings.Text(cell.InlineString);
        }
        else if (type == CellValues.Boolean)
        {
            text = raw == "1" ? "TRUE" : raw == "0" ? "FALSE" : raw ?? string.Empty;
        }
        else if (type == CellValues.Date)
        {
            text = DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
                ? Date(date, new XlsxNumberFormat(true, date.TimeOfDay != TimeSpan.Zero, date.Second != 0, false))
                : raw ?? string.Empty;
        }
        else if (type is null || type == CellValues.Number)
        {
            text = Number(raw, cell.StyleIndex?.Value);
        }
        else
        {
            // Formula strings (str) and errors (#DIV/0!) are shown as Excel shows them.
            text = raw ?? string.Empty;
        }

        return Clean(text);
    }

    private string Number(string? raw, uint? style)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return raw ?? string.Empty;
        }

        var format = style is { } s && s < _formats.Count ? _formats[(int)s] : XlsxNumberFormat.Number;
        if ((format.Date || format.Time) && value >= 0 && value < MaxSerial)
        {
            var date = DateTime.FromOADate(_date1904 ? value + Date1904Offset : value);
            return Date(date, format);
        }

        return format.Percent
            ? (value * 100).ToString("G15", CultureInfo.InvariantCulture) + "%"
            : value.ToString("G15", CultureInfo.InvariantCulture);
    }

    private static string Date(DateTime date, XlsxNumberFormat format)
    {
        // A serial of 0.5833333 is 13:59:59.99997; round to the second, as Excel displays it.
        var rounded = new DateTime((date.Ticks + (TimeSpan.TicksPerSecond / 2)) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Unspecified);
        var time = format.Seconds ? "HH:mm:ss" : "HH:mm";
        var pattern = format.Date && format.Time ? "yyyy-MM-dd " + time : format.Date ? "yyyy-MM-dd" : time;
        return rounded.ToString(pattern, CultureInfo.InvariantCulture);
    }

    private static string Clean(string text)
        => text.Contains('\n') || text.Contains('\r') || text.Contains('|')
            ? string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Replace("|", "\\|", StringComparison.Ordinal).Trim()
            : text.Trim();
}
