using System.Text.Json;
using IAToolkit.AspNet.Errors;
using IAToolkit.Assistant;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IAToolkit.AspNet.Endpoints;

/// <summary>
/// Writes a streamed answer as Server-Sent Events: <c>delta</c> (text), <c>tool_call</c>, <c>tool_result</c>, then
/// <c>done</c> (the whole response, as the JSON call returns it) or <c>error</c> (a ProblemDetails object). Every
/// stream a client still listens to ends in one of the two: once the status line is sent, no failure can become an
/// HTTP status any more, and a stream cut without a word looks like a network fault to the client.
/// </summary>
internal static partial class ServerSentEvents
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
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away: there is nobody to tell, and the query log has recorded it as canceled.
        }
        catch (IAToolkitException ex)
        {
            var status = ErrorStatus.For(ex.Code);
            await SendErrorAsync(response, status, ex.Code, ex.Message);
        }
        catch (Exception ex)
        {
            Failed(Logger(http), http.Request.Path, ex);
            await SendErrorAsync(response, ErrorStatus.For(ErrorCodes.InternalError), ErrorCodes.InternalError, "An unexpected error occurred; the server log has the details.");
        }
    }

    private static Task SendErrorAsync(HttpResponse response, int status, string code, string detail)
        => SendAsync(response, "error", new { type = "about:blank", title = ErrorStatus.Title(status), status, detail, code }, CancellationToken.None);

    private static async Task SendAsync(HttpResponse response, string name, object data, CancellationToken cancellationToken)
    {
        await response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, ApiJson.Options)}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    private static ILogger Logger(HttpContext http)
        => http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("IAToolkit.AspNet.Endpoints.ServerSentEvents");

    [LoggerMessage(2602, LogLevel.Error, "The answer stream of {Path} failed after it had started; the client got an error event")]
    private static partial void Failed(ILogger logger, string path, Exception exception);
}
