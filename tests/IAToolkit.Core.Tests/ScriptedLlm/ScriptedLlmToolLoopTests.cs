using System.Text.Json;
using IAToolkit.Testing.ScriptedLlm;
using Microsoft.Extensions.AI;

namespace IAToolkit.Core.Tests.ScriptedLlm;

/// <summary>The tool loop the assistant runs: M.E.AI's FunctionInvokingChatClient calls the function and sends its result back.</summary>
public sealed class ScriptedLlmToolLoopTests
{
    private ScriptedLlmServer _llm = null!;

    [SetUp]
    public async Task StartAsync() => _llm = await ScriptedLlmServer.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _llm.DisposeAsync();

    [Test]
    public async Task GetResponseAsync_ToolCallThenText_SecondRequestCarriesTheCallAndItsResult()
    {
        _llm.Enqueue(ScriptedReply.ToolCalls(("get_weather", """{"city":"Lima"}""")), ScriptedReply.Text("It is sunny in Lima."));
        var calledWith = new List<string>();
        var weather = AIFunctionFactory.Create((string city) => { calledWith.Add(city); return $"21 °C and sunny in {city}"; }, "get_weather");
        using var chat = new ChatClientBuilder(ScriptedLlmClients.Chat(_llm)).UseFunctionInvocation().Build();

        var response = await chat.GetResponseAsync("Weather in Lima?", new ChatOptions { Tools = [weather] });

        Assert.That(response.Text, Is.EqualTo("It is sunny in Lima."));
        Assert.That(calledWith, Is.EqualTo(new[] { "Lima" }));
        var second = _llm.ChatRequests[1].Messages;
        Assert.That(second.Select(m => m.Role), Is.EqualTo(new[] { "user", "assistant", "tool" }), string.Join(" | ", second));
        var call = second[1].ToolCalls.Single();
        Assert.That(call.Name, Is.EqualTo("get_weather"));
        using (var arguments = JsonDocument.Parse(call.ArgumentsJson))
        {
            Assert.That(arguments.RootElement.GetProperty("city").GetString(), Is.EqualTo("Lima"));
        }

        Assert.That(second[2].ToolCallId, Is.EqualTo(call.Id));
        Assert.That(second[2].Content, Does.Contain("21 °C and sunny in Lima"));
        Assert.That(_llm.ChatRequests[1].EstimatedPromptTokens, Is.GreaterThan(_llm.ChatRequests[0].EstimatedPromptTokens));
        Assert.That(_llm.UnexpectedRequests, Is.Empty);
    }

    [Test]
    public async Task GetStreamingResponseAsync_DynamicReply_EchoesTheToolResultBack()
    {
        _llm.Enqueue(
            ScriptedReply.ToolCalls(("count_invoices", """{"status":"unpaid"}""")),
            ScriptedReply.Dynamic(request => ScriptedReply.Text($"You have {request.Messages.Last(m => m.Role == "tool").Content} unpaid invoices.")));
        var count = AIFunctionFactory.Create((string status) => 42, "count_invoices");
        using var chat = new ChatClientBuilder(ScriptedLlmClients.Chat(_llm)).UseFunctionInvocation().Build();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("How many unpaid invoices?", new ChatOptions { Tools = [count] }))
        {
            updates.Add(update);
        }

        Assert.That(updates.ToChatResponse().Text, Is.EqualTo("You have 42 unpaid invoices."));
        Assert.That(_llm.ChatRequests.Select(r => r.Stream), Is.EqualTo(new[] { true, true }));
    }
}
