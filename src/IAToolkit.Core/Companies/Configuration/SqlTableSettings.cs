using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>One entry of <c>data_sources.sql[].tables</c>.</summary>
internal sealed record SqlTableSettings
{
    /// <summary><c>schema_name</c>: the <c>schema/*.yaml</c> entity that describes the table.</summary>
    public string? SchemaName { get; init; }

    /// <summary><c>exclude_columns</c>: <see langword="null"/> inherits the source's list; a list (even empty) replaces it.</summary>
    public IReadOnlyList<string>? ExcludeColumns { get; init; }

    /// <summary><c>description</c> of the table.</summary>
    public string? Description { get; init; }
}
