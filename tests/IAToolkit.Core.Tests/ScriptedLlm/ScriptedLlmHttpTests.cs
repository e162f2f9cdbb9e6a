using System.Net;
using System.Text;
using System.Text.Json;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.Core.Tests.ScriptedLlm;

/// <summary>The wire format itself, read with a bare HttpClient: what any OpenAI-compatible client would parse.</summary>
public sealed class ScriptedLlmHttpTests
{
    private ScriptedLlmServer _llm = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _llm = await ScriptedLlmServer.StartAsync();
        _http = new HttpClient { BaseAddress = _llm.BaseAddress };
    }

    [TearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _llm.DisposeAsync();
    }

    [Test]
    public async Task PostChatCompletions_StreamWithUsage_SendsDataEventsThenAUsageChunkThenDone()
    {
        _llm.Enqueue(ScriptedReply.Text("one two three", promptTokens: 7, completionTokens: 3));

        using var response = await PostAsync("/v1/chat/completions", """
            {"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"count"}]}
            """);
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n");

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        Assert.That(events[^1], Is.Empty, "the stream ends with a blank line");
        Assert.That(events[^2], Is.EqualTo("data: [DONE]"));
        Assert.That(events[..^2], Has.All.StartWith("data: {"));
        var chunks = events[..^2].Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement).ToList();
        Assert.That(chunks.Select(c => c.GetProperty("object").GetString()), Has.All.EqualTo("chat.completion.chunk"));
        var deltas = chunks[..^1].Select(c => c.GetProperty("choices")[0].GetProperty("delta")).ToList();
        Assert.That(deltas[0].GetProperty("role").GetString(), Is.EqualTo("assistant"));
        var pieces = deltas.Select(d => d.TryGetProperty("content", out var c) ? c.GetString() : null).Where(c => !string.IsNullOrEmpty(c));
        Assert.That(pieces, Is.EqualTo(new[] { "one ", "two ", "three" }));
        Assert.That(chunks[^2].GetProperty("choices")[0].GetProperty("finish_reason").GetString(), Is.EqualTo("stop"));
        var last = chunks[^1];
        Assert.That(last.GetProperty("choices").GetArrayLength(), Is.Zero);
        Assert.That(last.GetProperty("usage").GetProperty("total_tokens").GetInt32(), Is.EqualTo(10));
    }

    [Test]
    public async Task PostChatCompletions_StreamedToolCall_SendsIdAndNameFirstThenTheArgumentsInPieces()
    {
        _llm.Enqueue(ScriptedReply.ToolCalls(("lookup_customer", """{"email":"ana@example.com"}""")));

        using var response = await PostAsync("/v1/chat/completions", """{"model":"m","stream":true,"messages":[{"role":"user","content":"Ana?"}]}""");
        var chunks = (await response.Content.ReadAsStringAsync()).Split("\n\n")
            .Where(e => e.StartsWith("data: {", StringComparison.Ordinal))
            .Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement.GetProperty("choices")[0])
            .ToList();

        var calls = chunks.Where(c => c.GetProperty("delta").TryGetProperty("tool_calls", out _)).Select(c => c.GetProperty("delta").GetProperty("tool_calls")[0]).ToList();
        Assert.That(calls[0].GetProperty("id").GetString(), Does.StartWith("call_"));
        Assert.That(calls[0].GetProperty("function").GetProperty("name").GetString(), Is.EqualTo("lookup_customer"));
        Assert.That(calls.Skip(1).Any(c => c.TryGetProperty("id", out _)), Is.False);
        Assert.That(calls.Count, Is.GreaterThan(2));
        Assert.That(string.Concat(calls.Select(c => c.GetProperty("function").GetProperty("arguments").GetString())), Is.EqualTo("""{"email":"ana@example.com"}"""));
        Assert.That(chunks[^1].GetProperty("finish_reason").GetString(), Is.EqualTo("tool_calls"));
        Assert.That(chunks.Any(c => c.TryGetProperty("usage", out _)), Is.False, "no usage chunk unless asked for");
    }

    [Test]
    public async Task PostChatCompletions_ErrorWithRetryAfter_AnswersOpenAIsErrorBodyAndHeaders()
    {
        _llm.Enqueue(ScriptedReply.Error(429, "Rate limit reached.", TimeSpan.FromMilliseconds(1500)));

        using var response = await PostAsync("/v1/chat/completions", """{"model":"m","stream":true,"messages":[]}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(response.Headers.GetValues("Retry-After").Single(), Is.EqualTo("2"));
        Assert.That(response.Headers.GetValues("retry-after-ms").Single(), Is.EqualTo("1500"));
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo("Rate limit reached."));
        Assert.That((error.GetProperty("type").GetString(), error.GetProperty("code").GetString()), Is.EqualTo(("requests", "rate_limit_exceeded")));
    }

    [Test]
    public async Task PostEmbeddings_NoEncodingFormat_AnswersFloatArraysAsOpenAIDoesByDefault()
    {
        using var response = await PostAsync("/v1/embeddings", """{"model":"text-embedding-3-small","input":"hola","dimensions":8}""");

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var vector = body.GetProperty("data")[0].GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        Assert.That(vector, Is.EqualTo(ScriptedLlmServer.EmbeddingFor("hola", 8)));
        Assert.That(body.GetProperty("usage").GetProperty("prompt_tokens").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task GetModels_ListsAFewModels()
    {
        var body = JsonDocument.Parse(await _http.GetStringAsync(new Uri("/v1/models", UriKind.Relative))).RootElement;

        Assert.That(body.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()), Does.Contain("gpt-4o-mini"));
        Assert.That(_llm.Requests, Is.Empty);
    }

    [Test]
    public async Task PostResponses_PathNotServed_Answers404NamingWhatIsServedAndRecordsItAsUnexpected()
    {
        using var response = await PostAsync("/v1/responses", """{"model":"m","input":"hi"}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("does not serve POST /v1/responses").And.Contain("/v1/chat/completions"));
        Assert.That(_llm.UnexpectedRequests.Single().Kind, Is.EqualTo(RecordedRequestKind.Unknown));
    }

    [Test]
    public async Task PostChatCompletions_BodyNotJson_Answers400WithoutUsingAReply()
    {
        _llm.Enqueue(ScriptedReply.Text("Kept for the next request."));

        using var response = await PostAsync("/v1/chat/completions", "model=gpt-4o-mini");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(_llm.RemainingReplies, Is.EqualTo(1));
        Assert.That(_llm.UnexpectedRequests, Has.Count.EqualTo(1));
    }

    private Task<HttpResponseMessage> PostAsync(string path, string json)
        => _http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
}
