using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Core.Tests.Mail;

/// <summary>
/// A stand-in for Brevo's API on Kestrel (127.0.0.1, a free port): records each request and answers with
/// <see cref="StatusCode"/> and <see cref="ResponseBody"/> (by default 201 with a messageId, as Brevo does).
/// </summary>
internal sealed class FakeBrevo : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Request> _requests = new();

    private FakeBrevo(WebApplication app) => _app = app;

    public sealed record Request(string Method, string Path, string? ApiKey, string? ContentType, JsonElement Body);

    public int StatusCode { get; set; } = StatusCodes.Status201Created;

    public string ResponseBody { get; set; } = """{"messageId":"<202611291200.12345@smtp-relay.mailin.fr>"}""";

    /// <summary>Waits this long before answering, to test the client's timeout.</summary>
    public TimeSpan Delay { get; set; }

    public string BaseUrl => _app.Urls.Single();

    public IReadOnlyList<Request> Requests => [.. _requests];

    public static async Task<FakeBrevo> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBrevo(app);
        app.Run(fake.AnswerAsync);
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        _requests.Enqueue(new Request(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.Headers["api-key"].SingleOrDefault(),
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
