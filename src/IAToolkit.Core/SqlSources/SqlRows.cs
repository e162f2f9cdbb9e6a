namespace IAToolkit.SqlSources;

/// <summary>What <see cref="SqlResultReader"/> read: the columns, the rows as compact JSON, and the caps that applied.</summary>
/// <param name="Columns">The columns, in the query's order.</param>
/// <param name="Json">The rows: a JSON array of arrays.</param>
/// <param name="Count">How many rows <paramref name="Json"/> holds.</param>
/// <param name="Limits">Which caps cut the result.</param>
internal sealed record SqlRows(IReadOnlyList<SqlColumn> Columns, string Json, int Count, SqlResultLimits Limits);
