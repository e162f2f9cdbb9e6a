using System.Text.Json;
using IAToolkit.AspNet.Errors;
using IAToolkit.Assistant;
using Microsoft.AspNetCore.Http;

namespace IAToolkit.AspNet.Endpoints;

/// <summary>
/// Writes a streamed answer as Server-Sent Events: <c>delta</c> (text), <c>tool_call</c>, <c>tool_result</c>, then
/// <c>done</c> (the whole response, as the JSON call returns it) or <c>error</c> (a ProblemDetails object).
/// </summary>
internal static class ServerSentEvents
{
    public static async Task WriteAsync(HttpContext http, IAsyncEnumerable<QueryEvent> events, CancellationToken cancellationToken)
    {
        var response = http.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(cancellationToken);
        try
        {
            await foreach (var item in events.WithCancellation(cancellationToken))
            {
                var (name, data) = item switch
                {
                    AnswerDelta delta => ("delta", (object)new { text = delta.Text }),
                    ToolCallRequested call => ("tool_call", new { name = call.Name, arguments = call.Arguments }),
                    ToolCallCompleted done => ("tool_result", done.Call),
                    QueryCompleted completed => ("done", LlmQueryResponse.From(completed.Answer)),
                    _ => (string.Empty, new object()),
                };
                if (name.Length > 0)
                {
                    await SendAsync(response, name, data, cancellationToken);
                }
            }
        }
        catch (IAToolkitException ex)
        {
            // The status line is sent already; the error travels as an event.
            var status = ErrorStatus.For(ex.Code);
            await SendAsync(response, "error", new { type = "about:blank", title = ErrorStatus.Title(status), status, detail = ex.Message, code = ex.Code }, CancellationToken.None);
        }
    }

    private static async Task SendAsync(HttpResponse response, string name, object data, CancellationToken cancellationToken)
    {
        await response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, ApiJson.Options)}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
