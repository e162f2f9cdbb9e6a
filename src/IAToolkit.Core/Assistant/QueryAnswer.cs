using System.Text.Json;
using IAToolkit.Assistant.Tools;

namespace IAToolkit.Assistant;

/// <summary>The assistant's answer to one question.</summary>
internal sealed record QueryAnswer
{
    /// <summary>The answer as the model wrote it (Markdown).</summary>
    public required string Answer { get; init; }

    /// <summary>The answer as sanitized HTML, safe to put in a page.</summary>
    public required string AnswerHtml { get; init; }

    /// <summary>The id to continue the conversation from this answer.</summary>
    public required string ResponseId { get; init; }

    /// <summary>Whether the model completed an answer (false when it ran out of steps).</summary>
    public required bool ValidResponse { get; init; }

    /// <summary>Structured data the model returned beside the answer, when a prompt asked for it.</summary>
    public JsonElement? AdditionalData { get; init; }

    /// <summary>The model that answered.</summary>
    public required string Model { get; init; }

    /// <summary>Prompt tokens of every model call of this question.</summary>
    public required int PromptTokens { get; init; }

    /// <summary>Completion tokens of every model call of this question.</summary>
    public required int CompletionTokens { get; init; }

    /// <summary>How long the question took.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>The tools the model called.</summary>
    public required IReadOnlyList<ToolCallRecord> ToolCalls { get; init; }

    /// <summary>The document passages the answer used (see <see cref="Citations"/>); empty when it used none.</summary>
    public IReadOnlyList<Citation> Citations { get; init; } = [];
}
