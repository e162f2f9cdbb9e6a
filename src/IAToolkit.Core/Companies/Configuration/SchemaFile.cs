using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>
/// A <c>schema/*.yaml</c> file: the description of one entity (a table, an API payload, a JSON column). A file named
/// <c>&lt;database&gt;-&lt;table&gt;.yaml</c> (IAToolkit 2.x) whose database is one of <c>data_sources.sql</c> describes
/// that table: its description and column descriptions are merged into the table's live description instead of
/// standing apart as an object.
/// </summary>
/// <param name="Path">The file's path relative to the company folder, e.g. <c>schema/invoice.yaml</c>.</param>
/// <param name="EntityName">The file's root key, e.g. <c>invoice</c>.</param>
internal sealed record SchemaFile(string Path, string EntityName)
{
    // Shared, so that two files without table details compare equal.
    private static readonly IReadOnlyDictionary<string, string> s_noColumns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The database of a table file (the name before the dash); <see langword="null"/> for any other file.</summary>
    public string? Database { get; init; }

    /// <summary>The table of a table file (the name after the dash, or <c>schema.table</c>).</summary>
    public string? Table { get; init; }

    /// <summary>The table's <c>description</c> in a table file.</summary>
    public string? Description { get; init; }

    /// <summary>The columns' descriptions in a table file, by column name (case ignored).</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = s_noColumns;
}
