using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.SqlSources;

/// <summary>A table chosen for the schema text, with the company.yaml settings that apply to it.</summary>
/// <param name="Table">The table as the catalog has it.</param>
/// <param name="Settings">Its <c>tables</c> entry, or empty settings.</param>
/// <param name="LogicalName">Its name without <c>table_prefix</c>.</param>
/// <param name="Columns">The columns left after <c>exclude_columns</c>.</param>
internal sealed record DescribedTable(CatalogTable Table, SqlTableSettings Settings, string LogicalName, IReadOnlyList<CatalogColumn> Columns);
