using IAToolkit.Assistant.Tools;

namespace IAToolkit.Assistant;

/// <summary>One row of the query log.</summary>
internal sealed record QueryRecord(
    string UserIdentifier,
    string? ResponseId,
    string Model,
    string Question,
    string? PromptName,
    string? Answer,
    string Outcome,
    string? ErrorMessage,
    int PromptTokens,
    int CompletionTokens,
    TimeSpan Duration,
    IReadOnlyList<ToolCallRecord> ToolCalls);
