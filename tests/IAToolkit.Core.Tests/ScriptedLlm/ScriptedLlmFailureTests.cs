using System.ClientModel;
using System.Diagnostics;
using IAToolkit.Testing.ScriptedLlm;
using Microsoft.Extensions.AI;

namespace IAToolkit.Core.Tests.ScriptedLlm;

/// <summary>Provider errors, a slow provider, and a script that runs out, as the real client meets them.</summary>
public sealed class ScriptedLlmFailureTests
{
    private ScriptedLlmServer _llm = null!;

    [SetUp]
    public async Task StartAsync() => _llm = await ScriptedLlmServer.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _llm.DisposeAsync();

    [Test]
    public async Task GetResponseAsync_429WithRetryAfterAndNoRetries_ThrowsClientResultExceptionWith429()
    {
        _llm.Enqueue(ScriptedReply.Error(429, "Rate limit reached for gpt-4o-mini.", TimeSpan.FromSeconds(7)));
        var chat = ScriptedLlmClients.Chat(_llm, retries: false);

        var error = await Assert.ThrowsAsync<ClientResultException>(() => chat.GetResponseAsync("Hi"));

        Assert.That(error!.Status, Is.EqualTo(429));
        Assert.That(error.Message, Does.Contain("Rate limit reached for gpt-4o-mini."));
        var headers = error.GetRawResponse()!.Headers;
        Assert.That(headers.TryGetValue("Retry-After", out var retryAfter) ? retryAfter : null, Is.EqualTo("7"));
        Assert.That(_llm.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task GetResponseAsync_429WithRetryAfterZeroAndSdkRetries_RetriesOnceAndGetsTheNextReply()
    {
        _llm.Enqueue(ScriptedReply.Error(429, "Slow down.", TimeSpan.Zero), ScriptedReply.Text("Done."));
        var chat = ScriptedLlmClients.Chat(_llm);

        var response = await chat.GetResponseAsync("Hi");

        Assert.That(response.Text, Is.EqualTo("Done."));
        Assert.That(_llm.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task GetStreamingResponseAsync_503_ThrowsBeforeAnyUpdate()
    {
        _llm.Enqueue(ScriptedReply.Error(503, "The engine is overloaded."));
        var chat = ScriptedLlmClients.Chat(_llm, retries: false);
        var updates = 0;

        var error = await Assert.ThrowsAsync<ClientResultException>(async () =>
        {
            await foreach (var update in chat.GetStreamingResponseAsync("Hi"))
            {
                updates++;
            }
        });

        Assert.That((error!.Status, updates), Is.EqualTo((503, 0)));
        Assert.That(error.Message, Does.Contain("The engine is overloaded."));
        Assert.That(_llm.Requests.Single().Stream, Is.True);
    }

    [Test]
    public async Task GetResponseAsync_DelayedReplyAndCanceledToken_ThrowsQuicklyAndTheServerStopsWaiting()
    {
        _llm.Enqueue(ScriptedReply.Delay(TimeSpan.FromSeconds(30), ScriptedReply.Text("Too late.")));
        var chat = ScriptedLlmClients.Chat(_llm, retries: false);
        using var cancel = new CancellationTokenSource();
        var call = chat.GetResponseAsync("Hi", cancellationToken: cancel.Token);
        // Cancel once the server holds the request, so the test is about the wait, not about a cold client.
        Assert.That(() => _llm.Requests, Has.Count.EqualTo(1).After(5000, 10));
        var clock = Stopwatch.StartNew();

        await cancel.CancelAsync();

        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
        Assert.That(() => _llm.AbortedRequests, Has.Count.EqualTo(1).After(2000, 10));
    }

    [Test]
    public async Task DisposeAsync_ReplyStillWaiting_StopsWithoutWaitingForTheDelay()
    {
        _llm.Enqueue(ScriptedReply.Delay(TimeSpan.FromSeconds(30), ScriptedReply.Text("Never sent.")));
        var chat = ScriptedLlmClients.Chat(_llm, retries: false);
        var call = chat.GetResponseAsync("Hi");
        Assert.That(() => _llm.Requests, Has.Count.EqualTo(1).After(5000, 10));
        var clock = Stopwatch.StartNew();

        await _llm.DisposeAsync();

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
        Assert.That(async () => await call, Throws.Exception);
    }

    [Test]
    public async Task GetResponseAsync_DelayedReply_AnswersAfterTheDelay()
    {
        _llm.Enqueue(ScriptedReply.Delay(TimeSpan.FromMilliseconds(250), ScriptedReply.Text("Finally.")));
        var chat = ScriptedLlmClients.Chat(_llm);
        var clock = Stopwatch.StartNew();

        var response = await chat.GetResponseAsync("Hi");

        Assert.That(response.Text, Is.EqualTo("Finally."));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250)));
    }

    [Test]
    public async Task GetResponseAsync_ScriptRanOut_Fails500SayingSoAndRecordsTheRequest()
    {
        _llm.Enqueue(ScriptedReply.Text("The only reply."));
        var chat = ScriptedLlmClients.Chat(_llm, retries: false);
        await chat.GetResponseAsync("First");

        var error = await Assert.ThrowsAsync<ClientResultException>(() => chat.GetResponseAsync("Second"));

        Assert.That(error!.Status, Is.EqualTo(500));
        Assert.That(error.Message, Does.Contain("The scripted LLM ran out of replies: request #2 POST /v1/chat/completions"));
        Assert.That(_llm.UnexpectedRequests.Single().Messages.Single().Content, Is.EqualTo("Second"));
    }

    [Test]
    public async Task GetResponseAsync_DynamicReplyThrows_Fails500NamingTheException()
    {
        _llm.Enqueue(ScriptedReply.Dynamic(_ => throw new InvalidOperationException("no tool message")));
        var chat = ScriptedLlmClients.Chat(_llm, retries: false);

        var error = await Assert.ThrowsAsync<ClientResultException>(() => chat.GetResponseAsync("Hi"));

        Assert.That(error!.Message, Does.Contain("InvalidOperationException: no tool message"));
        Assert.That(_llm.UnexpectedRequests, Has.Count.EqualTo(1));
    }
}
