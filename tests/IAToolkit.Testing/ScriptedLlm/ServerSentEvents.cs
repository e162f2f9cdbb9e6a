using Microsoft.AspNetCore.Http;

namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>Streams JSON chunks as OpenAI does: <c>data: {chunk}\n\n</c> for each, flushed, then <c>data: [DONE]\n\n</c>.</summary>
internal static class ServerSentEvents
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

    /// <param name="response">The response to write to.</param>
    /// <param name="chunks">The JSON chunks.</param>
    /// <param name="cancellationToken">Stops the writing when the client goes away.</param>
    /// <param name="pause">A wait after each chunk (<see cref="ScriptedReply.Paced"/>); none by default.</param>
    public static async Task WriteAsync(HttpResponse response, IEnumerable<byte[]> chunks, CancellationToken cancellationToken, TimeSpan pause = default)
    {
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        foreach (var chunk in chunks)
        {
            await response.Body.WriteAsync(DataPrefix, cancellationToken);
            await response.Body.WriteAsync(chunk, cancellationToken);
            await response.Body.WriteAsync(EventEnd, cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, cancellationToken);
            }
        }

        await response.Body.WriteAsync(Done, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
