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

    /// <summary><c>visible_in_chat</c> (IAToolkit 2.x); true when not given. A hidden prompt still runs through the API.</summary>
    public bool VisibleInChat { get; init; } = true;

    /// <summary><c>llm_model</c> (2.x): the model this prompt runs on unless the request names one; one of the company's models.</summary>
    public string? LlmModel { get; init; }

    /// <summary><c>llm_request_options.reasoning_effort</c> (2.x), when given.</summary>
    public ReasoningLevel? ReasoningEffort { get; init; }

    /// <summary>
    /// <c>output_schema</c> (2.x): the JSON schema of the structured data the prompt asks for; the model is told to
    /// return it as <c>additional_data</c> beside its answer.
    /// </summary>
    public System.Text.Json.JsonElement? OutputSchema { get; init; }

    /// <summary><c>tool_policy</c> (2.x): <see langword="null"/> (mode <c>inherit</c>) offers every tool; otherwise only these names.</summary>
    public IReadOnlyList<string>? ToolNames { get; init; }

    /// <summary><c>custom_fields</c>: the inputs the UI asks for; each value becomes a template variable.</summary>
    public IReadOnlyList<PromptCustomField> CustomFields { get; init; } = [];

    /// <summary>The template's path relative to the company folder.</summary>
    public string TemplatePath => $"prompts/{Name}.prompt";
}
