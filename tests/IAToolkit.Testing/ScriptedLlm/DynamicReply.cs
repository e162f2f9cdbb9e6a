namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>Chooses the reply from the request when it arrives.</summary>
internal sealed class DynamicReply(Func<RecordedRequest, ScriptedReply> choose) : ScriptedReply
{
    public ScriptedReply Choose(RecordedRequest request) => choose(request);
}
