using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>One entry of <c>data_sources</c> in the help content.</summary>
/// <param name="Source"><c>source</c>: the data source's name.</param>
/// <param name="Description"><c>description</c>.</param>
internal sealed record HelpDataSource(string Source, string Description);
