using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.Core.Tests.ScriptedLlm;

/// <summary>The helpers the browser tests lean on: an answer streamed at a reader's pace, and a script emptied between tests.</summary>
public sealed class ScriptedLlmPacedTests
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
    public async Task PostChatCompletions_PacedStream_SendsEachWordAfterThePause()
    {
        _llm.Enqueue(ScriptedReply.Paced("one two three four", TimeSpan.FromMilliseconds(150)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent("""{"model":"m","stream":true,"messages":[{"role":"user","content":"count"}]}""", Encoding.UTF8, "application/json"),
        };

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var arrivals = new List<(string Piece, TimeSpan At)>();
        var clock = Stopwatch.StartNew();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith("data: {", StringComparison.Ordinal))
            {
                continue;
            }

            using var chunk = JsonDocument.Parse(line["data: ".Length..]);
            if (chunk.RootElement.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("content", out var content) && content.GetString() is { Length: > 0 } piece)
            {
                arrivals.Add((piece, clock.Elapsed));
            }
        }

        Assert.That(arrivals.Select(a => a.Piece), Is.EqualTo(new[] { "one ", "two ", "three ", "four" }));
        Assert.That(arrivals[^1].At - arrivals[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(400)), "three pauses of 150 ms between the first word and the last");
    }

    [Test]
    public async Task DiscardRemainingReplies_UnusedReplies_AreGoneAndCounted()
    {
        _llm.Enqueue(ScriptedReply.Text("left over"), ScriptedReply.Text("also left over"));

        var discarded = _llm.DiscardRemainingReplies();
        using var response = await _http.PostAsync(
            new Uri("/v1/chat/completions", UriKind.Relative),
            new StringContent("""{"model":"m","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));

        Assert.That(discarded, Is.EqualTo(2));
        Assert.That(_llm.RemainingReplies, Is.Zero);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError), "the next request finds the script empty");
    }
}
