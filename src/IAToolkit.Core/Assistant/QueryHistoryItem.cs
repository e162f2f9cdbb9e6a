namespace IAToolkit.Assistant;

/// <summary>One earlier query of a user, as <c>/api/{c}/history</c> lists it.</summary>
internal sealed record QueryHistoryItem(
    long Id,
    string Question,
    string? PromptName,
    string? Answer,
    string Outcome,
    string Model,
    int PromptTokens,
    int CompletionTokens,
    int DurationMs,
    DateTime CreatedAt);
