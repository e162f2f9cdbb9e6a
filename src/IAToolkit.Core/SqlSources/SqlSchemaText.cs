using System.Text;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.SqlSources;

/// <summary>
/// Writes the Markdown the model reads about one SQL source: a header with the name, description and how to query
/// it, then one block per table with one line per column. Deterministic: the same tables and settings give the same
/// bytes, so the context prefix stays cacheable.
/// </summary>
internal static class SqlSchemaText
{
    public static string Write(
        SqlDataSource source,
        IReadOnlyList<DescribedTable> tables,
        ILookup<(string Schema, string Table, string Column), string> foreignKeys,
        IReadOnlyList<SchemaFile> schemaFiles)
    {
        var text = new StringBuilder();
        text.Append("## Database `").Append(source.Database).Append("`\n");
        AppendParagraph(text, source.Description);
        text.Append("PostgreSQL, read-only: query it with the `iat_sql_query` tool and `database: \"").Append(source.Database).Append("\"`.\n");
        text.Append("Columns read: name type [NOT NULL] [PK] [→ referenced table.column]: comment.\n");
        if (tables.Count == 0)
        {
            text.Append("\nNo tables are described.\n");
        }

        foreach (var table in tables)
        {
            text.Append("\n### ").Append(KindName(table.Table.Kind)).Append(" `").Append(table.Table.SqlName).Append('`');
            if (!string.Equals(table.LogicalName, table.Table.Name, StringComparison.Ordinal))
            {
                text.Append(" (").Append(table.LogicalName).Append(')');
            }

            text.Append('\n');
            var tableFile = TableFile(source, table, schemaFiles);
            AppendParagraph(text, table.Settings.Description ?? tableFile?.Description ?? table.Table.Comment);
            if (SchemaObject(table, schemaFiles) is { } schemaObject)
            {
                text.Append("Field details: see the schema object `").Append(schemaObject).Append("`.\n");
            }

            foreach (var column in table.Columns)
            {
                AppendColumn(text, table.Table, column, foreignKeys, tableFile);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The company's <c>schema/&lt;database&gt;-&lt;table&gt;.yaml</c> for this table (IAToolkit 2.x), if it has one. A
    /// plain table name is the table of the connection's first schema (the one named without a schema here);
    /// <c>&lt;database&gt;-&lt;schema&gt;.&lt;table&gt;.yaml</c> names any other.
    /// </summary>
    private static SchemaFile? TableFile(SqlDataSource source, DescribedTable table, IReadOnlyList<SchemaFile> schemaFiles)
        => schemaFiles.FirstOrDefault(f => f.Database == source.Database && f.Table is { } name
            && (name.Contains('.', StringComparison.Ordinal)
                ? table.Table.IsNamed(name)
                : string.Equals(table.Table.SqlName.Trim('"'), name, StringComparison.OrdinalIgnoreCase)));

    private static void AppendColumn(StringBuilder text, CatalogTable table, CatalogColumn column, ILookup<(string, string, string), string> foreignKeys, SchemaFile? tableFile)
    {
        text.Append("- `").Append(column.ColumnSqlName).Append("` ").Append(column.DataType);
        if (column.PrimaryKey)
        {
            text.Append(" PK");
        }
        else if (column.NotNull)
        {
            text.Append(" NOT NULL");
        }

        foreach (var target in foreignKeys[(table.SchemaName, table.Name, column.ColumnName)])
        {
            text.Append(" → ").Append(target);
        }

        var described = tableFile is not null && tableFile.Columns.TryGetValue(column.ColumnName, out var fromFile) ? fromFile : column.ColumnComment;
        if (OneLine(described) is { } comment)
        {
            text.Append(": ").Append(comment);
        }

        text.Append('\n');
    }

    /// <summary>
    /// The <c>schema/*.yaml</c> object that details the table: its <c>schema_name</c>, else an object named like the
    /// table's logical name, if the company has one.
    /// </summary>
    private static string? SchemaObject(DescribedTable table, IReadOnlyList<SchemaFile> schemaFiles)
    {
        if (!string.IsNullOrWhiteSpace(table.Settings.SchemaName))
        {
            return table.Settings.SchemaName.Trim();
        }

        return schemaFiles.FirstOrDefault(f => f.Table is null && string.Equals(f.EntityName, table.LogicalName, StringComparison.OrdinalIgnoreCase))?.EntityName;
    }

    private static string KindName(string kind) => kind switch
    {
        "v" => "View",
        "m" => "Materialized view",
        "f" => "Foreign table",
        _ => "Table",
    };

    private static void AppendParagraph(StringBuilder text, string? value)
    {
        if (OneLine(value) is { } line)
        {
            text.Append(line).Append('\n');
        }
    }

    /// <summary>The value on one line (runs of whitespace become one space), or <see langword="null"/> when blank.</summary>
    private static string? OneLine(string? value)
        => string.IsNullOrWhiteSpace(value) ? null : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
