using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using IAToolkit.AspNet.Endpoints;
using IAToolkit.Assistant;
using IAToolkit.Testing.ScriptedLlm;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>
/// Every answer stream a client still listens to ends in <c>done</c> or <c>error</c>, whatever breaks after the headers
/// went out; an answer the renderer cannot handle still arrives; a client that leaves is recorded as canceled.
/// </summary>
[Category("Security")]
public sealed class StreamEndingTests
{
    private const string Path = "/api/sample_company/llm_query";

    [Test]
    public async Task Stream_ProviderBreaksMidStream_EndsWithAnErrorEvent()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.BrokenStream("The first half of an answer that never"));

        using var response = await host.PostAsync(Path, new { question = "Hello?", user_identifier = "broken-sse@example.com" }, "text/event-stream");
        var events = await AssistantHost.ReadEventsAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(events.Select(e => e.Event), Does.Contain("delta"), "the first half was streamed");
        Assert.That(events[^1].Event, Is.EqualTo("error"));
        Assert.That(events[^1].Data.GetProperty("code").GetString(), Is.EqualTo("llm_unavailable"));
        Assert.That(events[^1].Data.GetProperty("status").GetInt32(), Is.EqualTo(502));
        Assert.That(await LoggedOutcomeAsync(host, "broken-sse@example.com"), Is.EqualTo("llm_unavailable"));
    }

    [Test]
    public async Task Json_ProviderBreaksMidAnswer_Returns502()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.BrokenStream("Half of a JSON body"));

        using var response = await host.PostAsync(Path, new { question = "Hello?", user_identifier = "broken-json@example.com" });

        await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadGateway, "llm_unavailable");
    }

    [TestCase(10_000, ">")]
    [TestCase(10_000, "- ")]
    [TestCase(20_000, "<div>")]
    public async Task Stream_AnswerThatBreaksTheRenderer_EndsWithDoneAndTheAnswerAsText(int count, string unit)
    {
        await using var host = await AssistantHost.StartAsync();
        var answer = string.Concat(Enumerable.Repeat(unit, count)) + " <b>the end</b>";
        host.Llm.Enqueue(ScriptedReply.Text(answer));

        using var response = await host.PostAsync(Path, new { question = "Nest it", user_identifier = "nested@example.com" }, "text/event-stream");
        var events = await AssistantHost.ReadEventsAsync(response);

        Assert.That(events[^1].Event, Is.EqualTo("done"));
        var done = events[^1].Data;
        Assert.That(done.GetProperty("answer").GetString(), Is.EqualTo(answer), "the raw answer is returned");
        var html = done.GetProperty("answer_html").GetString()!;
        Assert.That(html, Does.StartWith("<p>").And.EndWith("&lt;b&gt;the end&lt;/b&gt;</p>"), "shown as escaped text");
        await host.FlushQueryLogAsync();
        await using var connection = await SampleAssistantFixture.Core.OpenAsync();
        var stored = await connection.ExecuteScalarAsync<string>("SELECT answer FROM iat_queries WHERE user_identifier = 'nested@example.com' ORDER BY id DESC LIMIT 1");
        Assert.That(stored, Is.EqualTo(answer), "the raw answer is stored");
    }

    [Test]
    public async Task Json_AnswerThatBreaksTheRenderer_Returns200WithTheAnswerAsText()
    {
        await using var host = await AssistantHost.StartAsync();
        var answer = new string('>', 10_000) + " fin";
        host.Llm.Enqueue(ScriptedReply.Text(answer));

        var body = await host.AskAsync(new { question = "Nest it", user_identifier = "nested-json@example.com" });

        Assert.That(body.GetProperty("answer").GetString(), Is.EqualTo(answer));
        Assert.That(body.GetProperty("answer_html").GetString(), Does.StartWith("<p>&gt;&gt;").And.EndWith(" fin</p>"));
    }

    [Test]
    public async Task Stream_ToolFails_StillEndsWithDone()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(
            ScriptedReply.ToolCalls(("no_such_tool", "{}")),
            ScriptedReply.ToolCalls(("iat_sql_query", """{"query":"SELECT * FROM no_such_table"}""")),
            ScriptedReply.Text("I could not find it."));

        using var response = await host.PostAsync(Path, new { question = "Find it", user_identifier = "toolfail@example.com" }, "text/event-stream");
        var events = await AssistantHost.ReadEventsAsync(response);

        Assert.That(events[^1].Event, Is.EqualTo("done"));
        Assert.That(events[^1].Data.GetProperty("answer").GetString(), Is.EqualTo("I could not find it."));
    }

    [Test]
    public async Task WriteAsync_UnexpectedExceptionAfterTheHeaders_EndsWithAnInternalErrorEvent()
    {
        var (http, body) = NewContext();

        await ServerSentEvents.WriteAsync(http, Throwing(new InvalidOperationException("Redis went away mid-answer")), CancellationToken.None);

        var events = Parse(body);
        Assert.That(events.Select(e => e.Event), Is.EqualTo(new[] { "delta", "error" }));
        Assert.That(events[^1].Data.GetProperty("code").GetString(), Is.EqualTo("internal_error"));
        Assert.That(events[^1].Data.GetProperty("status").GetInt32(), Is.EqualTo(500));
        Assert.That(events[^1].Data.GetProperty("detail").GetString(), Does.Not.Contain("Redis"), "internals stay in the log");
    }

    [Test]
    public async Task WriteAsync_KnownErrorAfterTheHeaders_EndsWithItsCode()
    {
        var (http, body) = NewContext();

        await ServerSentEvents.WriteAsync(http, Throwing(new IAToolkitException(ErrorCodes.LlmTimeout, "Too slow.")), CancellationToken.None);

        var events = Parse(body);
        Assert.That(events[^1].Event, Is.EqualTo("error"));
        Assert.That(events[^1].Data.GetProperty("code").GetString(), Is.EqualTo("llm_timeout"));
        Assert.That(events[^1].Data.GetProperty("status").GetInt32(), Is.EqualTo(504));
    }

    [Test]
    public async Task WriteAsync_ClientGone_WritesNoErrorEvent()
    {
        var (http, body) = NewContext();
        using var gone = new CancellationTokenSource();

        await ServerSentEvents.WriteAsync(http, LeavingAfterOneDelta(gone), gone.Token);

        Assert.That(Parse(body).Select(e => e.Event), Has.None.EqualTo("error"));
    }

    [TestCase(null)]
    [TestCase("text/event-stream")]
    public async Task LlmQuery_ClientDisconnects_IsRecordedAsCanceledNotAsATimeout(string? accept)
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.Delay(TimeSpan.FromSeconds(30), ScriptedReply.Text("Nobody reads this.")));
        var user = $"leaver-{accept?.Length ?? 0}@example.com";

        using var leave = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = System.Net.Http.Json.JsonContent.Create(new { question = "Slow one", user_identifier = user }) };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        Assert.That(
            async () =>
            {
                using var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, leave.Token);
                await response.Content.ReadAsStringAsync(leave.Token);
            },
            Throws.Exception,
            "the test client gave up");

        string? outcome = null;
        for (var i = 0; i < 50 && outcome is null; i++)
        {
            await Task.Delay(200);
            outcome = await LoggedOutcomeAsync(host, user);
        }

        Assert.That(outcome, Is.EqualTo("client_canceled"));
    }

    private static async IAsyncEnumerable<QueryEvent> Throwing(Exception exception)
    {
        yield return new AnswerDelta("Partial ");
        await Task.Yield();
        throw exception;
    }

    private static async IAsyncEnumerable<QueryEvent> LeavingAfterOneDelta(CancellationTokenSource client)
    {
        yield return new AnswerDelta("Partial ");
        await client.CancelAsync();
        throw new OperationCanceledException(client.Token);
    }

    private static (HttpContext Http, MemoryStream Body) NewContext()
    {
        var body = new MemoryStream();
        var services = new ServiceCollection().AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance).BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = body;
        http.Request.Path = Path;
        return (http, body);
    }

    private static List<(string Event, JsonElement Data)> Parse(MemoryStream body)
    {
        var events = new List<(string, JsonElement)>();
        foreach (var block in Encoding.UTF8.GetString(body.ToArray()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Split('\n');
            events.Add((lines[0]["event: ".Length..], JsonDocument.Parse(lines[1]["data: ".Length..]).RootElement.Clone()));
        }

        return events;
    }

    private static async Task<string?> LoggedOutcomeAsync(AssistantHost host, string user)
    {
        await host.FlushQueryLogAsync();
        await using var connection = await SampleAssistantFixture.Core.OpenAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT outcome FROM iat_queries WHERE user_identifier = @user ORDER BY id DESC LIMIT 1", new { user });
    }
}
