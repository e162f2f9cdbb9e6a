using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>Reads <c>data_sources.sql</c>.</summary>
internal static class SqlSourceReader
{
    public static IReadOnlyList<SqlDataSource> Read(YamlSection root)
    {
        if (root.Section("data_sources") is not { } dataSources)
        {
            return [];
        }

        var sources = new List<SqlDataSource>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in dataSources.SectionList("sql"))
        {
            var database = source.String("database", required: true)?.Trim();
            if (database is not null && !seen.TryAdd(database, source.Path))
            {
                source.Error("database", $"'{database}' is already the name of {seen[database]}; database names must be unique");
            }

            var connection = VariableNames.Read(source, "connection_string_env", required: true);
            var item = new SqlDataSource
            {
                Database = database ?? string.Empty,
                ConnectionString = connection ?? new VariableReference(string.Empty, source.Problems.File, source.KeyPath("connection_string_env")),
                Description = source.String("description"),
                IncludeAllTables = source.Boolean("include_all_tables", fallback: false),
                ExcludeTables = source.StringList("exclude_tables") ?? [],
                ExcludeColumns = source.StringList("exclude_columns") ?? [],
                TablePrefix = source.String("table_prefix"),
                Tables = ReadTables(source),
            };
            sources.Add(item);
        }

        return sources;
    }

    private static Dictionary<string, SqlTableSettings> ReadTables(YamlSection source)
    {
        var tables = new Dictionary<string, SqlTableSettings>(StringComparer.Ordinal);
        if (source.Section("tables") is not { } section)
        {
            return tables;
        }

        foreach (var (name, value) in section.Entries())
        {
            if (YamlScalars.IsNull(value))
            {
                tables[name] = new SqlTableSettings();
                continue;
            }

            if (section.Section(name) is not { } table)
            {
                continue;
            }

            tables[name] = new SqlTableSettings
            {
                SchemaName = table.String("schema_name"),
                ExcludeColumns = table.StringList("exclude_columns"),
                Description = table.String("description"),
            };
        }

        return tables;
    }
}
