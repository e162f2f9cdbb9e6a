using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>One entry of <c>prompts</c>: a predefined prompt backed by <c>prompts/&lt;name&gt;.prompt</c>.</summary>
internal sealed record PromptDefinition
{
    /// <summary><c>category</c>: one of <c>prompt_categories</c>.</summary>
    public required string Category { get; init; }

    /// <summary><c>name</c>: unique; the template is <c>prompts/&lt;name&gt;.prompt</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>description</c>: the label the UI shows.</summary>
    public required string Description { get; init; }

    /// <summary><c>order</c> within the category, when given.</summary>
    public int? Order { get; init; }

    /// <summary><c>active</c>; true when not given.</summary>
    public bool Active { get; init; } = true;

    /// <summary><c>custom_fields</c>: the inputs the UI asks for; each value becomes a template variable.</summary>
    public IReadOnlyList<PromptCustomField> CustomFields { get; init; } = [];

    /// <summary>The template's path relative to the company folder.</summary>
    public string TemplatePath => $"prompts/{Name}.prompt";
}
