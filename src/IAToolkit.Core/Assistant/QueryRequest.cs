using System.Text.Json;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Assistant;

/// <summary>One question to the assistant: a free question, or a company prompt with its values.</summary>
internal sealed record QueryRequest
{
    /// <summary>The company asked.</summary>
    public required Company Company { get; init; }

    /// <summary>Who asks, with the profile the company gave for them.</summary>
    public required CompanyUserInfo User { get; init; }

    /// <summary>The question, when it is a free one.</summary>
    public string? Question { get; init; }

    /// <summary>The prompt to run (<c>prompts/&lt;name&gt;.prompt</c>), when it is not a free question.</summary>
    public string? PromptName { get; init; }

    /// <summary>The prompt's values (its custom fields and any others the template reads).</summary>
    public IReadOnlyDictionary<string, JsonElement> ClientData { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>
    /// Another model than company.yaml's, for this question (already one of the company's); when absent, the prompt's
    /// <c>llm_model</c>, else <c>llm.model</c>.
    /// </summary>
    public string? Model { get; init; }

    /// <summary>The request's <c>reasoning_effort</c>, when it names one.</summary>
    public ReasoningLevel? ReasoningEffort { get; init; }

    /// <summary>The response id to continue from; the user's latest turn when absent.</summary>
    public string? ResponseId { get; init; }

    /// <summary>Text files whose content goes with this question only.</summary>
    public IReadOnlyList<QueryFile> Files { get; init; } = [];

    /// <summary>The request's services, handed to the company's own tools.</summary>
    public required IServiceProvider Services { get; init; }

    /// <summary>
    /// The host's configured public address, ending with <c>/</c> (<c>IAToolkit:PublicBaseUrl</c>, never the request's Host),
    /// for absolute links (downloads); links are relative when absent.
    /// </summary>
    public Uri? PublicBaseUrl { get; init; }
}

/// <summary>A file sent with a question, already turned into text.</summary>
/// <param name="Name">The file name.</param>
/// <param name="Text">Its text.</param>
internal sealed record QueryFile(string Name, string Text);
