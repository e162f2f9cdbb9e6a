using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>One entry of <c>data_sources.sql</c>: a company database the assistant may query read-only.</summary>
internal sealed record SqlDataSource
{
    /// <summary><c>database</c>: the logical name the model passes to the SQL tool; unique within the company.</summary>
    public required string Database { get; init; }

    /// <summary><c>connection_string_env</c>: the variable that holds the connection string or URL.</summary>
    public required VariableReference ConnectionString { get; init; }

    /// <summary><c>description</c>: what the database holds, told to the model.</summary>
    public string? Description { get; init; }

    /// <summary><c>include_all_tables</c>: describe every table found; when false only the keys of <see cref="Tables"/>.</summary>
    public bool IncludeAllTables { get; init; }

    /// <summary><c>exclude_tables</c>: tables never described.</summary>
    public IReadOnlyList<string> ExcludeTables { get; init; } = [];

    /// <summary><c>exclude_columns</c>: columns hidden in every table that does not give its own list.</summary>
    public IReadOnlyList<string> ExcludeColumns { get; init; } = [];

    /// <summary><c>table_prefix</c>: stripped from table names to form schema names.</summary>
    public string? TablePrefix { get; init; }

    /// <summary><c>tables</c>: per-table settings, by table name, in file order.</summary>
    public IReadOnlyDictionary<string, SqlTableSettings> Tables { get; init; } = new Dictionary<string, SqlTableSettings>();
}
