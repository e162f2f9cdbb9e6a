using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>One entry of <c>prompt_categories</c>.</summary>
/// <param name="Name">The category's name, as prompts refer to it.</param>
/// <param name="Order">Its place in the UI: the list index plus one.</param>
internal sealed record PromptCategory(string Name, int Order);
