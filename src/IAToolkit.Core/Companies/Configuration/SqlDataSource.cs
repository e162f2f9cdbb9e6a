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

    /// <summary>
    /// <c>schema</c> (IAToolkit 2.x): the PostgreSQL schema searched first (the connection's <c>search_path</c>), so its
    /// tables are named without a schema; <see langword="null"/> keeps the role's default (usually <c>public</c>).
    /// </summary>
    public string? Schema { get; init; }

    /// <summary><c>timeout</c> (2.x, seconds): this database's statement limit instead of <c>IAToolkit:Sql:StatementTimeout</c>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary><c>tables</c>: per-table settings, by table name, in file order.</summary>
    public IReadOnlyDictionary<string, SqlTableSettings> Tables { get; init; } = new Dictionary<string, SqlTableSettings>();
}
