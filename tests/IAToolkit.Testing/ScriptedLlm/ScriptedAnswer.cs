namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>
/// A text or tool call reply made concrete for one request: call ids given, token counts settled, and the ids and model
/// the response repeats in every chunk.
/// </summary>
internal sealed record ScriptedAnswer(
    string CompletionId,
    long Created,
    string Model,
    string? Content,
    IReadOnlyList<RecordedToolCall> ToolCalls,
    int PromptTokens,
    int CompletionTokens)
{
    public string FinishReason => ToolCalls.Count > 0 ? "tool_calls" : "stop";
}
