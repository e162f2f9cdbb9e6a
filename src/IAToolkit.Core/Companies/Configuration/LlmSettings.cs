using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>The <c>llm</c> section: the chat model and the variable that holds its key.</summary>
internal sealed record LlmSettings
{
    /// <summary><c>llm.model</c>, e.g. <c>gpt-4o-mini</c>.</summary>
    public string Model { get; init; } = string.Empty;

    /// <summary><c>llm.api-key</c>: the variable that holds the key; <see langword="null"/> only for <see cref="LlmProvider.OpenAICompatible"/>.</summary>
    public VariableReference? ApiKey { get; init; }

    /// <summary><c>llm.provider</c>; <see cref="LlmProvider.OpenAI"/> when not given.</summary>
    public LlmProvider Provider { get; init; } = LlmProvider.OpenAI;

    /// <summary>
    /// <c>llm.available_models[].id</c> (the IAToolkit 2.x shape): other models a request may name in its <c>model</c>
    /// field, besides <see cref="Model"/>. Empty when not given: then only <see cref="Model"/> is accepted.
    /// </summary>
    public IReadOnlyList<string> AvailableModels { get; init; } = [];

    /// <summary><c>llm.available_models</c> with what the model picker shows of each (label, description, provider).</summary>
    public IReadOnlyList<ModelOption> ModelOptions { get; init; } = [];

    /// <summary><c>llm.reasoning_effort</c> (IAToolkit 2.x): the company's default for reasoning models, when given.</summary>
    public ReasoningLevel? ReasoningEffort { get; init; }

    /// <summary><c>llm.base_url</c>: required for Azure and OpenAI-compatible servers.</summary>
    public Uri? BaseUrl { get; init; }
}
