namespace IAToolkit.SqlSources;

/// <summary>One column of a <see cref="SqlQueryResult"/>.</summary>
/// <param name="Name">The column's name as the query labels it.</param>
/// <param name="Type">The database type, e.g. <c>integer</c>, <c>numeric(12,2)</c>, <c>timestamp with time zone</c>.</param>
internal sealed record SqlColumn(string Name, string Type);
