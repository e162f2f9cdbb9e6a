using System.Text.Json;

namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>
/// One answer a <see cref="ScriptedLlmServer"/> gives to one chat completion request. Build it with the factory methods
/// and hand it to <see cref="ScriptedLlmServer.Enqueue(ScriptedReply)"/>.
/// </summary>
public abstract class ScriptedReply
{
    private protected ScriptedReply()
    {
    }

    /// <summary>
    /// An assistant message with <paramref name="content"/> and finish_reason <c>stop</c>. Token counts left out are
    /// computed: prompt tokens from the request (<see cref="RecordedRequest.EstimatedPromptTokens"/>), completion
    /// tokens as the content's length / 4, rounded up.
    /// </summary>
    public static ScriptedReply Text(string content, int? promptTokens = null, int? completionTokens = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new TextReply(content, promptTokens, completionTokens);
    }

    /// <summary>
    /// Like <see cref="Text"/>, but a streaming request gets the text word by word with <paramref name="pause"/> after
    /// each piece, the way a real model writes: a browser test can watch the answer grow, or stop it halfway. A request
    /// that does not stream gets the whole message after the pauses it would have taken.
    /// </summary>
    public static ScriptedReply Paced(string content, TimeSpan pause)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(pause, TimeSpan.Zero);
        return new PacedTextReply(content, pause);
    }

    /// <summary>
    /// An assistant message that calls these functions (finish_reason <c>tool_calls</c>), each with a generated call id.
    /// <c>ArgumentsJson</c> must be a JSON object, as the model would send it.
    /// </summary>
    public static ScriptedReply ToolCalls(params (string Name, string ArgumentsJson)[] calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        if (calls.Length == 0)
        {
            throw new ArgumentException("A tool call reply needs at least one call.", nameof(calls));
        }

        foreach (var (name, argumentsJson) in calls)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(calls));
            if (!IsJsonObject(argumentsJson))
            {
                throw new ArgumentException($"The arguments for the call to '{name}' are not a JSON object: {argumentsJson}", nameof(calls));
            }
        }

        return new ToolCallsReply(calls);
    }

    /// <summary>
    /// An HTTP error with OpenAI's error body (<c>{"error":{"message":…,"type":…,"code":…}}</c>), also on streaming
    /// requests. <paramref name="retryAfter"/> adds a <c>Retry-After</c> header in whole seconds, rounded up, and a
    /// <c>retry-after-ms</c> header as Azure OpenAI sends.
    /// </summary>
    public static ScriptedReply Error(int status, string message, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        ArgumentNullException.ThrowIfNull(message);
        if (retryAfter is { } wait)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(retryAfter));
        }

        return new ErrorReply(status, message, retryAfter);
    }

    /// <summary>
    /// A slow provider: waits <paramref name="delay"/> before answering with <paramref name="then"/>. The wait ends early
    /// when the client disconnects (see <see cref="ScriptedLlmServer.AbortedRequests"/>) or the server stops.
    /// </summary>
    public static ScriptedReply Delay(TimeSpan delay, ScriptedReply then)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(then);
        return new DelayedReply(delay, then);
    }

    /// <summary>
    /// A provider that fails mid-answer: a stream sends <paramref name="textBeforeBreak"/> in chunks, without the finish
    /// chunk or <c>[DONE]</c>, then the connection drops; a plain request gets half a JSON body, then the drop.
    /// </summary>
    public static ScriptedReply BrokenStream(string textBeforeBreak)
    {
        ArgumentNullException.ThrowIfNull(textBeforeBreak);
        return new BrokenStreamReply(textBeforeBreak);
    }

    /// <summary>A reply chosen when the request arrives, from what it carries (for example, echoing a tool result back).</summary>
    public static ScriptedReply Dynamic(Func<RecordedRequest, ScriptedReply> reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return new DynamicReply(reply);
    }

    private static bool IsJsonObject(string? json)
    {
        if (json is null)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
