using Dapper;
using Npgsql;

namespace IAToolkit.SqlSources;

/// <summary>
/// Reads the tables, views and foreign keys of a company database that the tool's role can SELECT, leaving out the
/// system schemas, partitions (their parent is described) and extensions' own tables. Sorted by ordinal name, so the
/// same database gives the same list whatever its collation.
/// </summary>
internal static class PostgresCatalog
{
    private const string ColumnsSql = """
        SELECT n.nspname AS SchemaName,
               c.relname AS TableName,
               CASE WHEN n.nspname = current_schema() THEN quote_ident(c.relname)
                    ELSE quote_ident(n.nspname) || '.' || quote_ident(c.relname) END AS SqlName,
               c.relkind::text AS Kind,
               obj_description(c.oid, 'pg_class') AS TableComment,
               a.attname AS ColumnName,
               quote_ident(a.attname) AS ColumnSqlName,
               format_type(a.atttypid, a.atttypmod) AS DataType,
               a.attnotnull AS NotNull,
               COALESCE(a.attnum = ANY (pk.conkey), false) AS PrimaryKey,
               col_description(c.oid, a.attnum) AS ColumnComment,
               a.attnum::int AS Position
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        LEFT JOIN pg_catalog.pg_constraint pk ON pk.conrelid = c.oid AND pk.contype = 'p'
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
          AND NOT c.relispartition
          AND n.nspname <> 'information_schema' AND left(n.nspname, 3) <> 'pg_'
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
          AND has_schema_privilege(n.oid, 'USAGE')
          AND has_column_privilege(c.oid, a.attnum, 'SELECT')
        """;

    private const string ForeignKeysSql = """
        SELECT sn.nspname AS SchemaName,
               s.relname AS TableName,
               sa.attname AS ColumnName,
               CASE WHEN tn.nspname = current_schema() THEN quote_ident(t.relname)
                    ELSE quote_ident(tn.nspname) || '.' || quote_ident(t.relname) END AS TargetTable,
               quote_ident(ta.attname) AS TargetColumn
        FROM pg_catalog.pg_constraint con
        CROSS JOIN LATERAL unnest(con.conkey, con.confkey) AS k(source_column, target_column)
        JOIN pg_catalog.pg_class s ON s.oid = con.conrelid
        JOIN pg_catalog.pg_namespace sn ON sn.oid = s.relnamespace
        JOIN pg_catalog.pg_attribute sa ON sa.attrelid = con.conrelid AND sa.attnum = k.source_column
        JOIN pg_catalog.pg_class t ON t.oid = con.confrelid
        JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
        JOIN pg_catalog.pg_attribute ta ON ta.attrelid = con.confrelid AND ta.attnum = k.target_column
        WHERE con.contype = 'f'
        """;

    public static async Task<IReadOnlyList<CatalogTable>> TablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var columns = await connection.QueryAsync<CatalogColumn>(new CommandDefinition(ColumnsSql, cancellationToken: cancellationToken));
        return [.. columns
            .GroupBy(c => (c.SchemaName, c.TableName))
            .Select(g =>
            {
                var first = g.First();
                return new CatalogTable(first.SchemaName, first.TableName, first.SqlName, first.Kind, first.TableComment, [.. g.OrderBy(c => c.Position)]);
            })
            .OrderBy(t => t.SchemaName, StringComparer.Ordinal)
            .ThenBy(t => t.Name, StringComparer.Ordinal)];
    }

    /// <summary>The foreign keys, by (schema, table, column), each column's targets sorted.</summary>
    public static async Task<ILookup<(string Schema, string Table, string Column), string>> ForeignKeysAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var keys = await connection.QueryAsync<CatalogForeignKey>(new CommandDefinition(ForeignKeysSql, cancellationToken: cancellationToken));
        return keys
            .Select(k => (Key: (k.SchemaName, k.TableName, k.ColumnName), Target: $"{k.TargetTable}.{k.TargetColumn}"))
            .Distinct()
            .OrderBy(k => k.Target, StringComparer.Ordinal)
            .ToLookup(k => k.Key, k => k.Target);
    }
}
