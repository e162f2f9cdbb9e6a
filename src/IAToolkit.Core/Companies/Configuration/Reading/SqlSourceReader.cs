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
                Schema = ReadSchema(source),
                Timeout = ReadTimeout(source),
                Tables = ReadTables(source),
            };
            sources.Add(item);
        }

        return sources;
    }

    /// <summary>The longest timeout a company may give one database; the host's own limit has the same bound.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    private static string? ReadSchema(YamlSection source)
    {
        var schema = source.String("schema")?.Trim();
        if (string.IsNullOrEmpty(schema))
        {
            return null;
        }

        // It goes into the connection's search_path, which Npgsql sends as one setting: no list, quote or control.
        if (schema.Length > 63 || schema.Any(c => char.IsControl(c) || c is ',' or '"' or '\''))
        {
            source.Error("schema", $"'{schema}' is not a PostgreSQL schema name (at most 63 characters, without commas, quotes or control characters)");
            return null;
        }

        return schema;
    }

    private static TimeSpan? ReadTimeout(YamlSection source)
    {
        if (source.Get("timeout") is null)
        {
            return null;
        }

        var seconds = source.Integer("timeout");
        if (seconds is null)
        {
            return null;
        }

        if (seconds < 1 || seconds > MaxTimeout.TotalSeconds)
        {
            source.Error("timeout", $"must be between 1 and {MaxTimeout.TotalSeconds:0} seconds");
            return null;
        }

        return TimeSpan.FromSeconds(seconds.Value);
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
