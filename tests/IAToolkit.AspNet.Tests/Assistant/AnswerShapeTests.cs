using Dapper;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>What the caller gets back and what the model is sent: structured answers, the model chosen, the user.</summary>
public sealed class AnswerShapeTests
{
    private const string Structured = """{"answer": "Sales grew **12%**.", "additional_data": {"growth": 0.12, "top": ["Tea", "Coffee"]}}""";

    [Test]
    public async Task LlmQuery_ModelAnswersJson_ReturnsTheAnswerAndItsAdditionalData()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.Text(Structured));

        var answer = await host.AskAsync(new { question = "Growth as JSON?", user_identifier = "json@example.com" });

        Assert.That(answer.GetProperty("answer").GetString(), Is.EqualTo("Sales grew **12%**."));
        Assert.That(answer.GetProperty("answer_html").GetString(), Does.Contain("<strong>12%</strong>"));
        Assert.That(answer.GetProperty("additional_data").GetProperty("growth").GetDouble(), Is.EqualTo(0.12));
        Assert.That(answer.GetProperty("additional_data").GetProperty("top")[1].GetString(), Is.EqualTo("Coffee"));
    }

    [Test]
    public async Task LlmQuery_StreamedJsonAnswer_TheDoneEventCarriesTheAdditionalData()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.Text(Structured));

        using var response = await host.PostAsync("/api/sample_company/llm_query", new { question = "Growth as JSON?", user_identifier = "json2@example.com" }, "text/event-stream");
        var done = (await AssistantHost.ReadEventsAsync(response))[^1];

        Assert.That(done.Event, Is.EqualTo("done"));
        Assert.That(done.Data.GetProperty("answer").GetString(), Is.EqualTo("Sales grew **12%**."));
        Assert.That(done.Data.GetProperty("additional_data").GetProperty("growth").GetDouble(), Is.EqualTo(0.12));
    }

    [Test]
    public async Task LlmQuery_PlainAnswer_HasNoAdditionalData()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.Text("Just text."));

        var answer = await host.AskAsync(new { question = "Hi", user_identifier = "plain@example.com" });

        Assert.That(answer.TryGetProperty("additional_data", out _), Is.False);
    }

    [Test]
    public async Task ModelOverride_IsSentToTheProviderAndRecorded()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.Text("From the bigger model."));

        var started = await host.AskJsonAsync("/api/sample_company/init-context", new { user_identifier = "model@example.com", model = "gpt-4.1" });
        var answer = await host.AskAsync(new { question = "Hi", user_identifier = "model@example.com", model = "gpt-4.1" });

        Assert.That(started.GetProperty("model").GetString(), Is.EqualTo("gpt-4.1"));
        Assert.That(host.Llm.ChatRequests[0].Model, Is.EqualTo("gpt-4.1"));
        Assert.That(answer.GetProperty("stats").GetProperty("model").GetString(), Is.EqualTo("gpt-4.1"));
        await host.FlushQueryLogAsync();
        await using var connection = await SampleAssistantFixture.Core.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<string>("SELECT model FROM iat_queries WHERE user_identifier = 'model@example.com'"), Is.EqualTo("gpt-4.1"));
    }

    [Test]
    public async Task Context_TwoUsers_ShareTheCompanyPrefixByteForByteAndEachGetsTheirProfile()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.Text("A."), ScriptedReply.Text("B."));

        await host.AskAsync(new { question = "Hello", user_identifier = "ana@example.com" });
        await host.AskAsync(new { question = "Hello", user_identifier = "bob@example.com" });

        var (first, second) = (host.Llm.ChatRequests[0].Messages, host.Llm.ChatRequests[1].Messages);
        Assert.That(first[0].Role, Is.EqualTo("system"));
        Assert.That(second[0].Content, Is.EqualTo(first[0].Content), "the company part is the same for everyone, so prompt caches hit");
        Assert.That(first[0].Content, Does.Not.Contain("ana@example.com"));
        Assert.That(first[1].Content, Does.Contain("ana@example.com").And.Contain("sales"), "the profile from GetUserInfoAsync");
        Assert.That(second[1].Content, Does.Contain("bob@example.com").And.Not.Contain("ana@example.com"));
    }
}
