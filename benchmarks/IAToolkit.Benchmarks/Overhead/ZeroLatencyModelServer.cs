using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Benchmarks.Overhead;

/// <summary>
/// An OpenAI-compatible model that answers <c>POST /v1/chat/completions</c> at once and keeps no state, for load: unlike
/// the tests' ScriptedLlmServer it records nothing per request, so thousands of requests a second cost it only the
/// parse of the body. The reply is chosen from the request itself: a question containing <see cref="SqlMarker"/> gets
/// one call of <c>iat_sql_query</c> and, once the tool's result comes back, the answer; any other question gets the
/// answer straight away.
/// </summary>
internal sealed class ZeroLatencyModelServer : IAsyncDisposable
{
    /// <summary>Put in a question to have the model run one SQL tool round before it answers.</summary>
    public const string SqlMarker = "[sql]";

    private readonly WebApplication _app;
    private readonly ModelReplies _replies = ModelReplies.Create();
    private byte[]? _sampleBody;
    private long _toolErrors;

    private ZeroLatencyModelServer(WebApplication app) => _app = app;

    /// <summary>The root plus <c>/v1</c>: what <c>OPENAI_BASE_URL</c> gets.</summary>
    public Uri OpenAIEndpoint { get; private set; } = null!;

    /// <summary>The chat completions URL, for driving the model alone.</summary>
    public Uri ChatCompletionsUrl => new(OpenAIEndpoint + "/chat/completions");

    /// <summary>
    /// Tool results that came back as an error (<c>{"error": …}</c>) so far: the host answers those questions with a 200
    /// all the same, because the model answers anyway, so only this count shows them.
    /// </summary>
    public long ToolErrors => Interlocked.Read(ref _toolErrors);

    /// <summary>The body of the first question without tools the host sent: what the host sends, to send the model alone.</summary>
    public byte[]? SampleBody => Volatile.Read(ref _sampleBody);

    public static async Task<ZeroLatencyModelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ZeroLatencyModelServer(app);
        app.MapPost("/v1/chat/completions", server.AnswerAsync);
        await app.StartAsync();
        server.OpenAIEndpoint = new Uri(app.Urls.Single().TrimEnd('/') + "/v1");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        bool stream, includeUsage, callTool;
        using (var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))
        {
            var root = document.RootElement;
            stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
            includeUsage = root.TryGetProperty("stream_options", out var o) && o.ValueKind == JsonValueKind.Object
                && o.TryGetProperty("include_usage", out var u) && u.ValueKind == JsonValueKind.True;
            callTool = WantsToolCall(root, out var sqlQuestion);
            if (!sqlQuestion && _sampleBody is null)
            {
                Interlocked.CompareExchange(ref _sampleBody, Encoding.UTF8.GetBytes(root.GetRawText()), null);
            }
        }

        var body = (stream, includeUsage, callTool) switch
        {
            (false, _, false) => _replies.AnswerJson,
            (false, _, true) => _replies.ToolCallJson,
            (true, false, false) => _replies.AnswerStream,
            (true, true, false) => _replies.AnswerStreamWithUsage,
            (true, false, true) => _replies.ToolCallStream,
            (true, true, true) => _replies.ToolCallStreamWithUsage,
        };
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = stream ? "text/event-stream; charset=utf-8" : "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>True when the newest user message asks for SQL and no tool result has come back yet.</summary>
    private bool WantsToolCall(JsonElement root, out bool sqlQuestion)
    {
        sqlQuestion = false;
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            return false;
        }

        var count = messages.GetArrayLength();
        var last = messages[count - 1];
        if (Role(last) == "tool" && Content(last).Contains("\"error\"", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _toolErrors);
        }

        for (var i = count - 1; i >= 0; i--)
        {
            var message = messages[i];
            if (Role(message) == "user")
            {
                sqlQuestion = Content(message).Contains(SqlMarker, StringComparison.Ordinal);
                break;
            }
        }

        return sqlQuestion && Role(last) != "tool";
    }

    private static string? Role(JsonElement message)
        => message.TryGetProperty("role", out var role) && role.ValueKind == JsonValueKind.String ? role.GetString() : null;

    /// <summary>The text of a message, whether sent as a string or as an array of parts.</summary>
    private static string Content(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return string.Empty;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString() ?? string.Empty;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var part in content.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var piece) && piece.ValueKind == JsonValueKind.String)
            {
                text.Append(piece.GetString());
            }
        }

        return text.ToString();
    }
}
