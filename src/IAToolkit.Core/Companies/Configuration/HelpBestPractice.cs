using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>One entry of <c>best_practices</c> in the help content.</summary>
/// <param name="Title"><c>title</c>.</param>
/// <param name="Description"><c>description</c>.</param>
/// <param name="Example"><c>example</c>, when given.</param>
internal sealed record HelpBestPractice(string Title, string Description, string? Example);
