namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>An assistant message that calls functions; the server gives each call its id when it answers.</summary>
internal sealed class ToolCallsReply(IReadOnlyList<(string Name, string ArgumentsJson)> calls) : ScriptedReply
{
    public IReadOnlyList<(string Name, string ArgumentsJson)> Calls { get; } = calls;
}
