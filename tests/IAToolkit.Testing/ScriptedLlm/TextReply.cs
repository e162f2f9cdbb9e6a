namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>An assistant text message; token counts are computed where null.</summary>
internal sealed class TextReply(string content, int? promptTokens, int? completionTokens) : ScriptedReply
{
    public string Content { get; } = content;

    public int? PromptTokens { get; } = promptTokens;

    public int? CompletionTokens { get; } = completionTokens;
}
