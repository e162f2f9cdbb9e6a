using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace IAToolkit.Downloads;

/// <summary>
/// Streams one worksheet with <see cref="OpenXmlWriter"/>, one row at a time: numbers as numbers, booleans as booleans,
/// ISO dates as dates, null as an empty cell, objects and arrays as their JSON, everything else as inline text (never a
/// formula, so "=HYPERLINK(…)" from the data stays text), with an apostrophe before text that a CSV export would
/// revive as a formula (<see cref="ExcelText.FormulaSafe"/>).
/// </summary>
internal sealed class ExcelSheetWriter
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    private readonly OpenXmlWriter _writer;
    private readonly string[] _letters;
    private readonly Row _row = new();
    private readonly Cell _cell = new();
    private readonly CellValue _value = new();
    private readonly InlineString _inline = new();
    private readonly Text _text = new();
    private readonly List<OpenXmlAttribute> _attributes = new(3);

    public ExcelSheetWriter(OpenXmlWriter writer, int columnCount)
    {
        _writer = writer;
        _letters = [.. Enumerable.Range(0, columnCount).Select(ExcelText.ColumnLetters)];
    }

    /// <summary>The A1 reference of a cell; column and row from 0.</summary>
    public static string Reference(int column, int row) => ExcelText.ColumnLetters(column) + (row + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The sheet up to and including the opening of its data: dimension, frozen header, column widths.</summary>
    public void Start(string range, IEnumerable<double> widths)
    {
        _writer.WriteStartDocument(true);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteElement(new SheetDimension { Reference = range });
        _writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { TabSelected = true, WorkbookViewId = 0 }));
        _writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15 });
        _writer.WriteElement(new Columns(widths.Select((width, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true })));
        _writer.WriteStartElement(new SheetData());
    }

    /// <summary>The bold header row.</summary>
    public void WriteHeader(IReadOnlyList<string> names)
    {
        var row = StartRow(0);
        for (var column = 0; column < names.Count; column++)
        {
            WriteText(column, row, names[column], ExcelPackageParts.HeaderStyle);
        }

        _writer.WriteEndElement();
    }

    /// <summary>One data row; <paramref name="values"/> is indexed by column, <see cref="JsonValueKind.Undefined"/> where the row has no such key.</summary>
    public void WriteRow(int row, ReadOnlySpan<JsonElement> values)
    {
        var number = StartRow(row);
        for (var column = 0; column < values.Length; column++)
        {
            WriteCell(column, number, values[column]);
        }

        _writer.WriteEndElement();
    }

    /// <summary>Closes the data and adds the header's filter buttons.</summary>
    public void Finish(string range)
    {
        _writer.WriteEndElement();
        _writer.WriteElement(new AutoFilter { Reference = range });
        _writer.WriteEndElement();
    }

    private void WriteCell(int column, string row, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number) && !LosesDigits(value):
                WriteValue(column, row, number.ToString("R", CultureInfo.InvariantCulture), style: null, type: null);
                break;
            case JsonValueKind.True or JsonValueKind.False:
                WriteValue(column, row, value.ValueKind == JsonValueKind.True ? "1" : "0", style: null, type: "b");
                break;
            case JsonValueKind.String when IsoDates.TryParse(value.GetString()!, out var date, out var hasTime):
                var style = hasTime ? ExcelPackageParts.DateTimeStyle : ExcelPackageParts.DateStyle;
                WriteValue(column, row, date.ToOADate().ToString("R", CultureInfo.InvariantCulture), style, type: null);
                break;
            case JsonValueKind.String:
                WriteText(column, row, value.GetString()!, style: null);
                break;
            case JsonValueKind.Number or JsonValueKind.Object or JsonValueKind.Array:
                WriteText(column, row, value.GetRawText(), style: null);
                break;
        }
    }

    // Excel keeps 15 significant digits: a longer integer (an account or document number) would silently change.
    private static bool LosesDigits(JsonElement number)
    {
        var raw = number.GetRawText();
        return raw.IndexOfAny(['.', 'e', 'E']) < 0 && raw.TrimStart('-').TrimStart('0').Length > 15;
    }

    // Returns the row's number as text, for the references of its cells.
    private string StartRow(int row)
    {
        var number = (row + 1).ToString(CultureInfo.InvariantCulture);
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", string.Empty, number));
        _writer.WriteStartElement(_row, _attributes);
        return number;
    }

    private void StartCell(int column, string row, uint? style, string? type)
    {
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", string.Empty, _letters[column] + row));
        if (style is { } s)
        {
            _attributes.Add(new OpenXmlAttribute("s", string.Empty, s.ToString(CultureInfo.InvariantCulture)));
        }

        if (type is not null)
        {
            _attributes.Add(new OpenXmlAttribute("t", string.Empty, type));
        }

        _writer.WriteStartElement(_cell, _attributes);
    }

    private void WriteValue(int column, string row, string value, uint? style, string? type)
    {
        StartCell(column, row, style, type);
        _writer.WriteStartElement(_value);
        _writer.WriteString(value);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    private void WriteText(int column, string row, string text, uint? style)
    {
        var safe = ExcelText.XmlSafe(ExcelText.FormulaSafe(text));
        StartCell(column, row, style, "inlineStr");
        _writer.WriteStartElement(_inline);
        _attributes.Clear();
        if (safe.Length > 0 && (char.IsWhiteSpace(safe[0]) || char.IsWhiteSpace(safe[^1])))
        {
            _attributes.Add(new OpenXmlAttribute("xml", "space", XmlNamespace, "preserve"));
        }

        _writer.WriteStartElement(_text, _attributes);
        _writer.WriteString(safe);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }
}
