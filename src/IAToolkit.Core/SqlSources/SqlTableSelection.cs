using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.SqlSources;

/// <summary>
/// Applies a source's company.yaml rules to the catalog: <c>include_all_tables</c> (every readable table, else only the
/// keys of <c>tables</c>), <c>exclude_tables</c>, <c>exclude_columns</c> (a table's own list replaces the source's),
/// and <c>table_prefix</c> (stripped to form the logical name).
/// </summary>
internal static class SqlTableSelection
{
    /// <param name="source">The source's settings.</param>
    /// <param name="catalog">The readable tables, sorted.</param>
    /// <param name="missing">Called with each <c>tables</c> key that names no readable table.</param>
    public static IReadOnlyList<DescribedTable> Select(SqlDataSource source, IReadOnlyList<CatalogTable> catalog, Action<string> missing)
    {
        foreach (var configured in source.Tables.Keys.Where(k => !catalog.Any(t => t.IsNamed(k))))
        {
            missing(configured);
        }

        var chosen = new List<DescribedTable>();
        foreach (var table in catalog)
        {
            var settings = source.Tables.FirstOrDefault(t => table.IsNamed(t.Key)) is { Key: not null } entry ? entry.Value : null;
            var wanted = source.IncludeAllTables || source.Tables.Keys.Any(table.IsNamed);
            if (!wanted || source.ExcludeTables.Any(table.IsNamed))
            {
                continue;
            }

            var excluded = settings?.ExcludeColumns ?? source.ExcludeColumns;
            var columns = table.Columns
                .Where(c => !excluded.Any(e => string.Equals(e.Trim(), c.ColumnName, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            chosen.Add(new DescribedTable(table, settings ?? new SqlTableSettings(), LogicalName(table.Name, source.TablePrefix), columns));
        }

        return chosen;
    }

    private static string LogicalName(string table, string? prefix)
        => !string.IsNullOrEmpty(prefix) && table.Length > prefix.Length && table.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            ? table[prefix.Length..]
            : table;
}
