using System.Globalization;

namespace IAToolkit.SqlSources;

/// <summary>Which caps cut a result, and the note that tells the model about them.</summary>
/// <param name="RowLimit">The row cap, when the query had more rows than it.</param>
/// <param name="SizeLimited">Whether rows were dropped to keep the JSON under the size cap.</param>
/// <param name="MaxResultBytes">The size cap, for the note.</param>
/// <param name="ValuesShortened">Whether long values were cut.</param>
internal sealed record SqlResultLimits(int? RowLimit, bool SizeLimited, int MaxResultBytes, bool ValuesShortened)
{
    public string? Describe(int rowCount)
    {
        var parts = new List<string>(3);
        if (SizeLimited)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"Only the first {rowCount} rows fit in the {MaxResultBytes / 1024} KB result limit; more rows exist. Select fewer or shorter columns, aggregate, or filter."));
        }
        else if (RowLimit is { } limit)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"Only the first {limit} rows are returned; more rows exist. Aggregate or filter to answer about all of them, or add ORDER BY and LIMIT to choose which rows."));
        }

        if (ValuesShortened)
        {
            parts.Add("Long values were cut and end with \u2026; select left(column, n) or a substring if the rest matters.");
        }

        return parts.Count == 0 ? null : string.Join(' ', parts);
    }
}
