namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>An assistant text message streamed piece by piece with a pause after each piece.</summary>
internal sealed class PacedTextReply(string content, TimeSpan pause) : ScriptedReply
{
    public string Content { get; } = content;

    public TimeSpan Pause { get; } = pause;
}
