using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>A <c>schema/*.yaml</c> file: the description of one entity (a table, an API payload, a JSON column).</summary>
/// <param name="Path">The file's path relative to the company folder, e.g. <c>schema/invoice.yaml</c>.</param>
/// <param name="EntityName">The file's root key, e.g. <c>invoice</c>.</param>
internal sealed record SchemaFile(string Path, string EntityName);
