namespace IAToolkit.SqlSources;

/// <summary>A table or view of a company database with the columns the tool's role can read, in column order.</summary>
/// <param name="SchemaName">Its schema, e.g. <c>public</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="SqlName">Its name as a query writes it.</param>
/// <param name="Kind"><c>pg_class.relkind</c>.</param>
/// <param name="Comment">Its <c>COMMENT</c>, if any.</param>
/// <param name="Columns">Its readable columns.</param>
internal sealed record CatalogTable(string SchemaName, string Name, string SqlName, string Kind, string? Comment, IReadOnlyList<CatalogColumn> Columns)
{
    /// <summary>Whether company.yaml's <paramref name="configured"/> (<c>table</c> or <c>schema.table</c>) names this table.</summary>
    public bool IsNamed(string configured)
    {
        var name = configured.Trim();
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0
            ? string.Equals(name, Name, StringComparison.OrdinalIgnoreCase)
            : string.Equals(name[..dot], SchemaName, StringComparison.OrdinalIgnoreCase) && string.Equals(name[(dot + 1)..], Name, StringComparison.OrdinalIgnoreCase);
    }
}
