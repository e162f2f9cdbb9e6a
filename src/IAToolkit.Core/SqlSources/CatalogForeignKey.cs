namespace IAToolkit.SqlSources;

/// <summary>One column of a foreign key, from <see cref="PostgresCatalog"/>.</summary>
internal sealed class CatalogForeignKey
{
    public string SchemaName { get; set; } = string.Empty;

    public string TableName { get; set; } = string.Empty;

    public string ColumnName { get; set; } = string.Empty;

    /// <summary>The referenced table as a query writes it.</summary>
    public string TargetTable { get; set; } = string.Empty;

    /// <summary>The referenced column as a query writes it.</summary>
    public string TargetColumn { get; set; } = string.Empty;
}
