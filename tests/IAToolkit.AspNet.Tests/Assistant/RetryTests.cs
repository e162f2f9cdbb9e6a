using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>One bad attempt is not the caller's problem: a slow or failing call is retried and the answer arrives.</summary>
public sealed class RetryTests
{
    [Test]
    public async Task SlowAttempt_IsAbandonedAndRetried()
    {
        await using var host = await AssistantHost.StartAsync(new Dictionary<string, string?>
        {
            ["IAToolkit:Assistant:AttemptTimeout"] = "00:00:01",
            ["IAToolkit:Assistant:MaxRetries"] = "1",
        });
        host.Llm.Enqueue(ScriptedReply.Delay(TimeSpan.FromSeconds(10), ScriptedReply.Text("Too late.")), ScriptedReply.Text("On time."));

        var answer = await host.AskAsync(new { question = "Hello?", user_identifier = "retry-slow@example.com" });

        Assert.That(answer.GetProperty("answer").GetString(), Is.EqualTo("On time."));
        Assert.That(host.Llm.ChatRequests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ServerError_IsRetriedAndTheAnswerArrives()
    {
        await using var host = await AssistantHost.StartAsync(new Dictionary<string, string?> { ["IAToolkit:Assistant:MaxRetries"] = "1" });
        host.Llm.Enqueue(ScriptedReply.Error(500, "The server had an error", TimeSpan.Zero), ScriptedReply.Text("Recovered."));

        var answer = await host.AskAsync(new { question = "Hello?", user_identifier = "retry-500@example.com" });

        Assert.That(answer.GetProperty("answer").GetString(), Is.EqualTo("Recovered."));
        Assert.That(host.Llm.ChatRequests, Has.Count.EqualTo(2));
    }
}
