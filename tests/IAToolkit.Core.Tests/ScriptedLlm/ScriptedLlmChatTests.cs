using System.Text.Json;
using IAToolkit.Testing.ScriptedLlm;
using Microsoft.Extensions.AI;

namespace IAToolkit.Core.Tests.ScriptedLlm;

/// <summary>Text and tool call replies as OpenAI's .NET client sees them through Microsoft.Extensions.AI, without and with streaming.</summary>
public sealed class ScriptedLlmChatTests
{
    private ScriptedLlmServer _llm = null!;

    [SetUp]
    public async Task StartAsync() => _llm = await ScriptedLlmServer.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _llm.DisposeAsync();

    [Test]
    public async Task GetResponseAsync_TextReply_ReturnsTheTextAndTheScriptedUsage()
    {
        _llm.Enqueue(ScriptedReply.Text("Hola, ¿en qué te ayudo?", promptTokens: 120, completionTokens: 9));
        var chat = ScriptedLlmClients.Chat(_llm);

        var response = await chat.GetResponseAsync([new(ChatRole.System, "You are ACME's assistant."), new(ChatRole.User, "Hola")]);

        Assert.That(response.Text, Is.EqualTo("Hola, ¿en qué te ayudo?"));
        Assert.That(response.FinishReason, Is.EqualTo(ChatFinishReason.Stop));
        Assert.That((response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount, response.Usage?.TotalTokenCount), Is.EqualTo((120L, 9L, 129L)));
        var request = _llm.Requests.Single();
        Assert.That((request.Kind, request.Path, request.Model, request.Stream), Is.EqualTo((RecordedRequestKind.ChatCompletion, "/v1/chat/completions", "gpt-4o-mini", false)));
        Assert.That(request.Authorization, Is.EqualTo("Bearer " + ScriptedLlmClients.Key));
        Assert.That(request.Messages.Select(m => (m.Role, m.Content)), Is.EqualTo(new[] { ("system", "You are ACME's assistant."), ("user", "Hola") }));
        Assert.That(_llm.RemainingReplies, Is.Zero);
    }

    [Test]
    public async Task GetResponseAsync_NoTokenNumbers_ReportsCharactersOverFourForEachTurn()
    {
        _llm.Enqueue(ScriptedReply.Text("12345"), ScriptedReply.Text("ok"));
        var chat = ScriptedLlmClients.Chat(_llm);
        List<ChatMessage> history = [new(ChatRole.System, "Be brief."), new(ChatRole.User, "How many days has a week?")];

        var first = await chat.GetResponseAsync(history);
        history.AddRange(first.Messages);
        history.Add(new(ChatRole.User, "And a fortnight?"));
        var second = await chat.GetResponseAsync(history);

        // "Be brief." + "How many days has a week?" = 9 + 25 = 34 characters: 9 tokens; the reply "12345": 2 tokens.
        Assert.That((first.Usage?.InputTokenCount, first.Usage?.OutputTokenCount), Is.EqualTo((9L, 2L)));
        // The second turn adds "12345" and "And a fortnight?": 34 + 5 + 16 = 55 characters, 14 tokens.
        Assert.That((second.Usage?.InputTokenCount, second.Usage?.OutputTokenCount), Is.EqualTo((14L, 1L)));
        Assert.That(_llm.Requests.Select(r => r.EstimatedPromptTokens), Is.EqualTo(new[] { 9, 14 }));
    }

    [Test]
    public async Task GetStreamingResponseAsync_TextReply_ArrivesInSeveralDeltasWithUsage()
    {
        const string Answer = "The invoice total is 1,250 USD, due on Friday.";
        _llm.Enqueue(ScriptedReply.Text(Answer, promptTokens: 40, completionTokens: 12));
        var chat = ScriptedLlmClients.Chat(_llm);

        List<ChatResponseUpdate> updates = [];
        await foreach (var update in chat.GetStreamingResponseAsync("What is the invoice total?"))
        {
            updates.Add(update);
        }

        Assert.That(updates.Count(u => u.Text.Length > 0), Is.GreaterThanOrEqualTo(5));
        var response = updates.ToChatResponse();
        Assert.That(response.Text, Is.EqualTo(Answer));
        Assert.That(response.FinishReason, Is.EqualTo(ChatFinishReason.Stop));
        Assert.That((response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount, response.Usage?.TotalTokenCount), Is.EqualTo((40L, 12L, 52L)));
        var request = _llm.Requests.Single();
        Assert.That((request.Stream, request.IncludeUsage), Is.EqualTo((true, true)));
    }

    [Test]
    public async Task GetResponseAsync_ToolCallsReply_SurfacesEachCallWithItsNameAndParsedArguments()
    {
        _llm.Enqueue(ScriptedReply.ToolCalls(("get_weather", """{"city":"Lima","days":3}"""), ("get_time", """{"zone":"America/Lima"}""")));
        var chat = ScriptedLlmClients.Chat(_llm);
        var options = new ChatOptions { Tools = [Weather(), Time()] };

        var response = await chat.GetResponseAsync("Weather and time in Lima?", options);

        Assert.That(response.FinishReason, Is.EqualTo(ChatFinishReason.ToolCalls));
        AssertCalls(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList());
        Assert.That(response.Usage?.OutputTokenCount, Is.GreaterThan(0));
        Assert.That(_llm.Requests.Single().Tools, Is.EqualTo(new[] { "get_weather", "get_time" }));
    }

    [Test]
    public async Task GetStreamingResponseAsync_ToolCallsReply_AssemblesEachCallFromItsDeltas()
    {
        _llm.Enqueue(ScriptedReply.ToolCalls(("get_weather", """{"city":"Lima","days":3}"""), ("get_time", """{"zone":"America/Lima"}""")));
        var chat = ScriptedLlmClients.Chat(_llm);
        var options = new ChatOptions { Tools = [Weather(), Time()] };

        List<ChatResponseUpdate> updates = [];
        await foreach (var update in chat.GetStreamingResponseAsync("Weather and time in Lima?", options))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        Assert.That(response.FinishReason, Is.EqualTo(ChatFinishReason.ToolCalls));
        AssertCalls(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList());
        Assert.That(response.Usage?.TotalTokenCount, Is.GreaterThan(0));
    }

    private static void AssertCalls(List<FunctionCallContent> calls)
    {
        Assert.That(calls.Select(c => c.Name), Is.EqualTo(new[] { "get_weather", "get_time" }));
        Assert.That(calls.Select(c => c.CallId).Distinct().Count(), Is.EqualTo(2));
        Assert.That(calls.All(c => c.Exception is null && !string.IsNullOrEmpty(c.CallId)));
        var weather = calls[0].Arguments!;
        Assert.That(((JsonElement)weather["city"]!).GetString(), Is.EqualTo("Lima"));
        Assert.That(((JsonElement)weather["days"]!).GetInt32(), Is.EqualTo(3));
        Assert.That(((JsonElement)calls[1].Arguments!["zone"]!).GetString(), Is.EqualTo("America/Lima"));
    }

    private static AIFunction Weather() => AIFunctionFactory.Create((string city, int days) => $"{days} days of sun in {city}", "get_weather");

    private static AIFunction Time() => AIFunctionFactory.Create((string zone) => $"12:00 in {zone}", "get_time");
}
