using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>One entry of <c>example_questions</c> in the help content.</summary>
/// <param name="Category"><c>category</c>.</param>
/// <param name="Questions"><c>questions</c>.</param>
internal sealed record HelpExampleQuestions(string Category, IReadOnlyList<string> Questions);
