using System.Net;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>Conversations continue with history, the context prefix stays byte-identical, and users cannot cross.</summary>
public sealed class ConversationTests
{
    [Test]
    public async Task FollowUps_SendThePreviousTurnsAsAnUnchangedPrefix()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.Text("First answer."), ScriptedReply.Text("Second answer."), ScriptedReply.Text("Third answer."));
        var start = await host.PostAsync("/api/sample_company/init-context", new { user_identifier = "bo@example.com" });
        Assert.That(start.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await host.AskAsync(new { question = "One?", user_identifier = "bo@example.com" });
        await host.AskAsync(new { question = "Two?", user_identifier = "bo@example.com" });
        await host.AskAsync(new { question = "Three?", user_identifier = "bo@example.com" });

        var turns = host.Llm.ChatRequests.Select(r => r.Messages.Select(m => (m.Role, m.Content)).ToList()).ToList();
        Assert.That(turns[1].Take(turns[0].Count), Is.EqualTo(turns[0]), "turn 2 starts with turn 1's request");
        Assert.That(turns[1][turns[0].Count], Is.EqualTo(("assistant", "First answer.")));
        Assert.That(turns[2].Take(turns[1].Count), Is.EqualTo(turns[1]), "turn 3 starts with turn 2's request");
        Assert.That(turns[2][^1], Is.EqualTo(("user", "Three?")));
    }

    [Test]
    public async Task LongHistory_IsTrimmedToTheTokenBudget_OldestTurnsFirst()
    {
        // About 31 tokens per stored turn and a budget of 50: only the last turn fits.
        await using var host = await AssistantHost.StartAsync(new Dictionary<string, string?> { ["IAToolkit:Assistant:HistoryTokenBudget"] = "50" });
        var words = string.Join(' ', Enumerable.Repeat("figure", 30));
        host.Llm.Enqueue(ScriptedReply.Text("First " + words), ScriptedReply.Text("Second " + words), ScriptedReply.Text("Third answer."));

        await host.AskAsync(new { question = "One?", user_identifier = "trim@example.com" });
        await host.AskAsync(new { question = "Two?", user_identifier = "trim@example.com" });
        await host.AskAsync(new { question = "Three?", user_identifier = "trim@example.com" });

        var third = host.Llm.ChatRequests[2].Messages.Where(m => m.Role is "user" or "assistant").Select(m => m.Content).ToList();
        Assert.That(third, Is.EqualTo(new[] { "Two?", "Second " + words, "Three?" }), "the oldest turn went, the newest stayed whole");
        Assert.That(host.Llm.ChatRequests[1].Messages.Where(m => m.Role is "user" or "assistant").Select(m => m.Content), Is.EqualTo(new[] { "One?", "First " + words, "Two?" }));
    }

    [Test]
    public async Task InitContext_StartsAnEmptyConversation()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.Text("A."), ScriptedReply.Text("B."));
        await host.AskAsync(new { question = "Before?", user_identifier = "cy@example.com" });

        await host.PostAsync("/api/sample_company/init-context", new { user_identifier = "cy@example.com" });
        await host.AskAsync(new { question = "After?", user_identifier = "cy@example.com" });

        Assert.That(host.Llm.ChatRequests[1].Messages.Select(m => m.Content), Has.None.Contains("Before?"));
    }

    [Test]
    public async Task ResponseId_ContinuesFromThatTurn()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.Text("A1."), ScriptedReply.Text("A2."), ScriptedReply.Text("Branch."));
        var first = await host.AskAsync(new { question = "Q1?", user_identifier = "dee@example.com" });
        await host.AskAsync(new { question = "Q2?", user_identifier = "dee@example.com" });

        await host.AskAsync(new { question = "Q3?", user_identifier = "dee@example.com", response_id = first.GetProperty("response_id").GetString() });

        var branch = host.Llm.ChatRequests[2].Messages.Select(m => m.Content).ToList();
        Assert.That(branch, Does.Contain("Q1?").And.Contain("A1."));
        Assert.That(branch, Does.Not.Contain("Q2?"));
    }

    [Test]
    public async Task ResponseId_OfAnotherUser_Returns404()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.Text("Private."));
        var mine = await host.AskAsync(new { question = "Mine?", user_identifier = "eve@example.com" });

        using var response = await host.PostAsync("/api/sample_company/llm_query", new { question = "Yours?", user_identifier = "mallory@example.com", response_id = mine.GetProperty("response_id").GetString() });

        await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.NotFound, "conversation_not_found");
        Assert.That(host.Llm.ChatRequests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task History_ListsTheUsersQuestionsNewestFirst()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.Text("One."), ScriptedReply.Text("Two."));
        await host.AskAsync(new { question = "First question", user_identifier = "fay@example.com" });
        await host.AskAsync(new { question = "Second question", user_identifier = "fay@example.com" });

        using var response = await host.PostAsync("/api/sample_company/history", new { user_identifier = "fay@example.com" });
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var questions = body.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("question").GetString()).ToList();
        Assert.That(questions, Is.EqualTo(new[] { "Second question", "First question" }));
    }
}
