namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>One message of a recorded chat request.</summary>
/// <param name="Role"><c>system</c>, <c>developer</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</param>
/// <param name="Content">The text: the content string, or its text parts joined; null when the message has none.</param>
/// <param name="ToolCallId">For a <c>tool</c> message, the id of the call it answers.</param>
/// <param name="ToolCalls">For an <c>assistant</c> message, the function calls it made; otherwise empty.</param>
public sealed record RecordedMessage(string Role, string? Content, string? ToolCallId, IReadOnlyList<RecordedToolCall> ToolCalls)
{
    /// <summary>A short form for assertion messages, such as <c>tool(call_1): 21 °C</c>.</summary>
    public override string ToString()
    {
        var calls = ToolCalls.Count == 0 ? string.Empty : " " + string.Join(", ", ToolCalls.Select(c => $"{c.Name}({c.ArgumentsJson})"));
        var id = ToolCallId is null ? string.Empty : $"({ToolCallId})";
        return $"{Role}{id}: {Content}{calls}";
    }
}
