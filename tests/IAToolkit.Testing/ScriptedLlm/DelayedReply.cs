namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>Waits, then answers with another reply.</summary>
internal sealed class DelayedReply(TimeSpan delay, ScriptedReply then) : ScriptedReply
{
    public TimeSpan Wait { get; } = delay;

    public ScriptedReply Then { get; } = then;
}
