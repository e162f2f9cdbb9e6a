using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Testing;

/// <summary>
/// A stand-in for a third-party JSON API or webhook (Brevo, Google Chat) on Kestrel (127.0.0.1, a free port): records
/// each request, whatever its path, and answers with <see cref="StatusCode"/> and <see cref="ResponseBody"/>.
/// </summary>
public sealed class RecordingJsonServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Request> _requests = new();
    private int _disposed;

    private RecordingJsonServer(WebApplication app) => _app = app;

    /// <summary>One request as it arrived; header names are case-insensitive.</summary>
    public sealed record Request(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string? ContentType, JsonElement Body)
    {
        /// <summary>The value of a header, or null when it was not sent.</summary>
        public string? Header(string name) => Headers.GetValueOrDefault(name);
    }

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public string ResponseBody { get; set; } = "{}";

    /// <summary>Waits this long before answering, to test the client's timeout.</summary>
    public TimeSpan Delay { get; set; }

    public string BaseUrl => _app.Urls.Single();

    public IReadOnlyList<Request> Requests => [.. _requests];

    public static async Task<RecordingJsonServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RecordingJsonServer(app);
        app.Run(server.AnswerAsync);
        await app.StartAsync();
        return server;
    }

    /// <summary>Stops listening (so the port refuses connections) and frees the server; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        _requests.Enqueue(new Request(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            context.Request.ContentType,
            body.RootElement.Clone()));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        context.Response.StatusCode = StatusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(ResponseBody, context.RequestAborted);
    }
}
