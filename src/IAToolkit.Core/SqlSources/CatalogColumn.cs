namespace IAToolkit.SqlSources;

/// <summary>One row of <see cref="PostgresCatalog"/>'s column query: a column of a table or view the tool's role can read.</summary>
internal sealed class CatalogColumn
{
    public string SchemaName { get; set; } = string.Empty;

    public string TableName { get; set; } = string.Empty;

    /// <summary>The table's name as a query writes it: quoted where needed, qualified when outside the current schema.</summary>
    public string SqlName { get; set; } = string.Empty;

    /// <summary><c>pg_class.relkind</c>: r table, p partitioned table, v view, m materialized view, f foreign table.</summary>
    public string Kind { get; set; } = string.Empty;

    public string? TableComment { get; set; }

    public string ColumnName { get; set; } = string.Empty;

    /// <summary>The column's name as a query writes it (quoted where needed).</summary>
    public string ColumnSqlName { get; set; } = string.Empty;

    /// <summary>The type as PostgreSQL prints it, e.g. <c>numeric(12,2)</c>.</summary>
    public string DataType { get; set; } = string.Empty;

    public bool NotNull { get; set; }

    public bool PrimaryKey { get; set; }

    public string? ColumnComment { get; set; }

    public int Position { get; set; }
}
