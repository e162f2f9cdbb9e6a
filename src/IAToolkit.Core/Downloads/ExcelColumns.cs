using System.Text.Json;

namespace IAToolkit.Downloads;

/// <summary>
/// The first pass over the rows: it checks that each is an object and collects the union of their keys in first-seen
/// order (the header), with a width for each column from the header and the first rows.
/// </summary>
internal sealed class ExcelColumns
{
    private const int MaxColumns = 16_384;
    private const int RowsMeasured = 1_000;
    private const double MinWidth = 6;
    private const double MaxWidth = 60;

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<int> _lengths = [];

    private ExcelColumns()
    {
    }

    /// <summary>The header, in first-seen order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Column widths in Excel's character units.</summary>
    public IEnumerable<double> Widths => _lengths.Select(l => Math.Clamp(l + 2, MinWidth, MaxWidth));

    /// <summary>The column of a key.</summary>
    public int IndexOf(string name) => _index[name];

    /// <summary>Reads the rows' keys; throws <see cref="ErrorCodes.InvalidExcelData"/> at the first row that is not an object.</summary>
    public static ExcelColumns Collect(JsonElement rows)
    {
        var columns = new ExcelColumns();
        var number = 0;
        foreach (var row in rows.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Object)
            {
                throw new IAToolkitException(ErrorCodes.InvalidExcelData,
                    $"data[{number}] is {JsonKinds.Describe(row.ValueKind)}; every row must be an object such as {{\"name\": \"Ana\", \"total\": 3}}.");
            }

            foreach (var property in row.EnumerateObject())
            {
                var column = columns.Add(property.Name);
                if (number < RowsMeasured)
                {
                    columns._lengths[column] = Math.Max(columns._lengths[column], DisplayLength(property.Value));
                }
            }

            number++;
        }

        if (columns._names.Count == 0)
        {
            throw new IAToolkitException(ErrorCodes.InvalidExcelData, "The rows in data have no fields: give each row its columns, e.g. {\"name\": \"Ana\", \"total\": 3}.");
        }

        return columns;
    }

    private int Add(string name)
    {
        if (_index.TryGetValue(name, out var column))
        {
            return column;
        }

        if (_names.Count == MaxColumns)
        {
            throw new IAToolkitException(ErrorCodes.ExcelTooLarge, $"The rows have more than {MaxColumns} distinct fields, Excel's limit of columns.");
        }

        _index.Add(name, _names.Count);
        _names.Add(name);
        _lengths.Add((int)Math.Ceiling(name.Length * 1.2));
        return _names.Count - 1;
    }

    private static int DisplayLength(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when IsoDates.TryParse(value.GetString()!, out _, out var hasTime) => hasTime ? 16 : 10,
        JsonValueKind.String => Math.Min(value.GetString()!.Length, (int)MaxWidth),
        JsonValueKind.Number => value.GetRawText().Length,
        JsonValueKind.True or JsonValueKind.False => 5,
        JsonValueKind.Object or JsonValueKind.Array => Math.Min(value.GetRawText().Length, (int)MaxWidth),
        _ => 0,
    };
}
