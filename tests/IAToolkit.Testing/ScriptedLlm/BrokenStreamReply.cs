namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>Starts an answer, then drops the connection before it is complete.</summary>
internal sealed class BrokenStreamReply(string textBeforeBreak) : ScriptedReply
{
    public string TextBeforeBreak { get; } = textBeforeBreak;
}
