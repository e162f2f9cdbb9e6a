using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>
/// The LLM in tests: an OpenAI-compatible server on Kestrel (127.0.0.1, a free port) that answers chat completions
/// from a script of replies the test enqueues, one reply per request, in order. It serves OpenAI's paths under
/// <see cref="OpenAIEndpoint"/> and Azure OpenAI's deployment paths under <see cref="BaseAddress"/>, streams when asked,
/// computes deterministic embeddings and token counts, and records every request.
/// </summary>
/// <example>
/// <code>
/// await using var llm = await ScriptedLlmServer.StartAsync();
/// llm.Enqueue(ScriptedReply.ToolCalls(("get_weather", """{"city":"Lima"}""")), ScriptedReply.Text("It is 21 °C."));
/// var chat = new ChatClient("gpt-4o-mini", new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = llm.OpenAIEndpoint });
/// </code>
/// </example>
public sealed partial class ScriptedLlmServer : IAsyncDisposable
{
    private static readonly JsonElement EmptyBody = JsonDocument.Parse("{}").RootElement.Clone();

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedReply> _script = new();
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<RecordedRequest> _unexpected = [];
    private readonly List<RecordedRequest> _aborted = [];
    private readonly CancellationTokenSource _stopping = new();
    private int _callIds;
    private int _enqueued;
    private int _disposed;
    private int _inFlight;
    private int _maxInFlight;

    private ScriptedLlmServer(WebApplication app) => _app = app;

    /// <summary>The server's root, such as <c>http://127.0.0.1:41234/</c>: what an <c>AzureOpenAIClient</c> gets.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The root plus <c>/v1</c>: what an OpenAI client's <c>Endpoint</c> or <c>OPENAI_BASE_URL</c> gets.</summary>
    public Uri OpenAIEndpoint => new(BaseAddress, "v1");

    /// <summary>How many enqueued replies no request has used yet.</summary>
    public int RemainingReplies => _script.Count;

    /// <summary>Every request received, in arrival order (chat, embeddings and unknown paths; not <c>GET …/models</c>).</summary>
    public IReadOnlyList<RecordedRequest> Requests => Snapshot(_requests);

    /// <summary>The chat completion requests among <see cref="Requests"/>.</summary>
    public IReadOnlyList<RecordedRequest> ChatRequests => Requests.Where(r => r.Kind == RecordedRequestKind.ChatCompletion).ToList().AsReadOnly();

    /// <summary>
    /// Requests the server could not answer as scripted, each of which got an error: a chat request when no reply was
    /// left (500), a <see cref="ScriptedReply.Dynamic"/> reply that threw (500), a body that is not a JSON object or an
    /// embeddings request without input (400), or a path the server does not serve (404). A test that ran as scripted
    /// leaves this empty.
    /// </summary>
    public IReadOnlyList<RecordedRequest> UnexpectedRequests => Snapshot(_unexpected);

    /// <summary>The most chat completion requests the server was answering at the same time.</summary>
    public int MaxConcurrentChatRequests => Volatile.Read(ref _maxInFlight);

    /// <summary>Chat requests whose client went away before the reply was written, for example while a <see cref="ScriptedReply.Delay"/> waited.</summary>
    public IReadOnlyList<RecordedRequest> AbortedRequests => Snapshot(_aborted);

    /// <summary>Starts a server on a free port of 127.0.0.1 with an empty script.</summary>
    public static async Task<ScriptedLlmServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedLlmServer(app);
        server.MapEndpoints(app);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single());
        return server;
    }

    /// <summary>
    /// The vector the server returns for <paramref name="input"/> at this size: a unit vector seeded by the text, so equal
    /// texts get equal vectors and different texts unrelated ones.
    /// </summary>
    public static float[] EmbeddingFor(string input, int dimensions) => EmbeddingVectors.For(input, dimensions);

    /// <summary>Adds a reply at the end of the script.</summary>
    public void Enqueue(ScriptedReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        _script.Enqueue(reply);
        Interlocked.Increment(ref _enqueued);
    }

    /// <summary>Adds replies at the end of the script, in order.</summary>
    public void Enqueue(params ScriptedReply[] replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        foreach (var reply in replies)
        {
            Enqueue(reply);
        }
    }

    /// <summary>
    /// Drops the replies no request has used yet and returns how many there were: a server shared by several tests (a
    /// browser test run has one host) starts each test with an empty script even when the previous one failed halfway.
    /// </summary>
    public int DiscardRemainingReplies()
    {
        var discarded = 0;
        while (_script.TryDequeue(out _))
        {
            discarded++;
        }

        return discarded;
    }

    /// <summary>Ends any reply still waiting and stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task<(RecordedRequest Request, bool IsJsonObject)> RecordAsync(HttpContext context, RecordedRequestKind kind)
    {
        var body = EmptyBody;
        var isJsonObject = false;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                body = document.RootElement.Clone();
                isJsonObject = true;
            }
        }
        catch (JsonException)
        {
        }

        var http = context.Request;
        lock (_gate)
        {
            var request = new RecordedRequest(
                _requests.Count + 1,
                kind,
                http.Method,
                http.Path.Value ?? string.Empty,
                http.QueryString.Value ?? string.Empty,
                HeaderOrNull(http, "Authorization"),
                HeaderOrNull(http, "api-key"),
                http.RouteValues["deployment"] as string,
                body);
            _requests.Add(request);
            return (request, isJsonObject);
        }
    }

    private void Remember(List<RecordedRequest> list, RecordedRequest request)
    {
        lock (_gate)
        {
            list.Add(request);
        }
    }

    // A read-only copy with a Count, so NUnit's Has.Count works on it.
    private ReadOnlyCollection<RecordedRequest> Snapshot(List<RecordedRequest> list)
    {
        lock (_gate)
        {
            return list.ToList().AsReadOnly();
        }
    }

    private string NextCallId() => $"call_scripted_{Interlocked.Increment(ref _callIds)}";

    private static string? HeaderOrNull(HttpRequest request, string name)
        => request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;
}
