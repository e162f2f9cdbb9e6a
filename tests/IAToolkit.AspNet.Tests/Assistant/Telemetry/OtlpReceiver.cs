using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IAToolkit.AspNet.Tests.Assistant.Telemetry;

/// <summary>
/// An OTLP/HTTP collector stand-in on Kestrel (127.0.0.1, a free port): accepts <c>POST /v1/traces</c> and
/// <c>POST /v1/metrics</c> in <c>application/x-protobuf</c>, keeps each body, and answers an empty export response.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<byte[]> _traces = new();
    private readonly ConcurrentQueue<byte[]> _metrics = new();
    private readonly ConcurrentQueue<string> _refused = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>The base URL to give as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string Endpoint => _app.Urls.Single();

    /// <summary>The ExportTraceServiceRequest bodies received.</summary>
    public IReadOnlyList<byte[]> Traces => [.. _traces];

    /// <summary>The ExportMetricsServiceRequest bodies received.</summary>
    public IReadOnlyList<byte[]> Metrics => [.. _metrics];

    /// <summary>Requests that were not OTLP/HTTP protobuf exports (method, path, content type).</summary>
    public IReadOnlyList<string> Refused => [.. _refused];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.Run(receiver.ReceiveAsync);
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        var request = context.Request;
        var queue = request.Path.Value switch
        {
            "/v1/traces" => _traces,
            "/v1/metrics" => _metrics,
            _ => null,
        };
        if (queue is null || !HttpMethods.IsPost(request.Method) || request.ContentType != "application/x-protobuf")
        {
            _refused.Enqueue($"{request.Method} {request.Path} {request.ContentType}");
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        queue.Enqueue(body.ToArray());
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-protobuf";
    }
}
