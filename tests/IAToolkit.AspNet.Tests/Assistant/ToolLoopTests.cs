using System.Diagnostics;
using System.Text.Json;
using Dapper;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>The tool loop's rules: a bad statement is fixed once, and a model that never stops calling tools is stopped.</summary>
public sealed class ToolLoopTests
{
    [Test]
    public async Task SqlTool_FailingStatement_ReachesTheModelWithTheErrorAndTheFixedQueryAnswers()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(
            ScriptedReply.ToolCalls(Sql("SELECT full_name FROM employees")),
            ScriptedReply.ToolCalls(Sql("SELECT first_name FROM employees ORDER BY employee_id LIMIT 1")),
            ScriptedReply.Dynamic(request => ScriptedReply.Text("First: " + request.Messages[^1].Content)));

        var answer = await host.AskAsync(new { question = "Who is the first employee?", user_identifier = "sqlfix@example.com" });

        var firstResult = host.Llm.ChatRequests[1].Messages[^1].Content!;
        Assert.That(firstResult, Does.Contain("full_name").And.Contain("does not exist"), "PostgreSQL's own message");
        Assert.That(firstResult, Does.Contain("Fix the query"));
        Assert.That(answer.GetProperty("answer").GetString(), Does.StartWith("First: ").And.Contain("rows"));
        var outcomes = answer.GetProperty("stats").GetProperty("tool_calls").EnumerateArray().Select(c => c.GetProperty("outcome").GetString());
        Assert.That(outcomes, Is.EqualTo(new[] { "error", "ok" }));
    }

    [Test]
    public async Task SqlTool_SecondFailure_TellsTheModelToStopAndExplain()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(
            ScriptedReply.ToolCalls(Sql("SELECT nope FROM employees")),
            ScriptedReply.ToolCalls(Sql("SELECT still_nope FROM employees")),
            ScriptedReply.Text("The data could not be read."));

        await host.AskAsync(new { question = "Anything?", user_identifier = "sqlfail@example.com" });

        Assert.That(host.Llm.ChatRequests[1].Messages[^1].Content, Does.Contain("Fix the query"));
        Assert.That(host.Llm.ChatRequests[2].Messages[^1].Content, Does.Contain("Do not retry"));
    }

    [Test]
    public async Task ToolLoop_ModelNeverStops_IsCutAtTheIterationCapWithAClearAnswer()
    {
        await using var host = await AssistantHost.StartAsync(new Dictionary<string, string?> { ["IAToolkit:Assistant:MaxToolIterations"] = "3" });
        for (var i = 0; i < 10; i++)
        {
            host.Llm.Enqueue(ScriptedReply.ToolCalls(Sql($"SELECT {i}")));
        }

        var watch = Stopwatch.StartNew();
        var answer = await host.AskAsync(new { question = "Loop forever.", user_identifier = "looper@example.com" });

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        Assert.That(host.Llm.ChatRequests.Count, Is.InRange(3, 4), "the cap, and at most one closing call");
        Assert.That(answer.GetProperty("valid_response").GetBoolean(), Is.False);
        Assert.That(answer.GetProperty("answer").GetString(), Does.Contain("could not complete"));
        await host.FlushQueryLogAsync();
        await using var connection = await SampleAssistantFixture.Core.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<string>("SELECT outcome FROM iat_queries WHERE user_identifier = 'looper@example.com'"), Is.EqualTo("incomplete"));
    }

    private static (string, string) Sql(string query) => ("iat_sql_query", JsonSerializer.Serialize(new { database = "sample_database", query }));
}
