namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>An HTTP error with OpenAI's error body.</summary>
internal sealed class ErrorReply(int status, string message, TimeSpan? retryAfter) : ScriptedReply
{
    public int Status { get; } = status;

    public string Message { get; } = message;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
