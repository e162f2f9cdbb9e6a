using System.Text.Json;
using Dapper;
using IAToolkit.Assistant.Llm;
using IAToolkit.Companies;
using IAToolkit.Testing.ScriptedLlm;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>The model call is one pipeline per company and model, and the JSON answer is the stream read to its end.</summary>
public sealed class ChatPipelineTests
{
    private const string Path = "/api/sample_company/llm_query";
    private const string EmployeesSql = "SELECT first_name FROM employees ORDER BY employee_id LIMIT 3";

    [Test]
    public async Task LlmQuery_TwoQuestionsInARow_ReuseOnePipelineAndBothAnswer()
    {
        await using var host = await AssistantHost.StartAsync();
        var provider = host.Services.GetRequiredService<ChatClientProvider>();
        var company = host.Services.GetRequiredService<ICompanyCatalog>().GetRequired("sample_company");
        host.Llm.Enqueue(ScriptedReply.Text("First answer."), ScriptedReply.Text("Second answer."));

        var first = await host.AskAsync(new { question = "One?", user_identifier = "pipe-reuse@example.com" });
        var pipeline = provider.GetClient(company, null).Client;
        var second = await host.AskAsync(new { question = "Two?", user_identifier = "pipe-reuse@example.com" });

        Assert.That(first.GetProperty("answer").GetString(), Is.EqualTo("First answer."));
        Assert.That(second.GetProperty("answer").GetString(), Is.EqualTo("Second answer."), "the first question did not dispose the client under the pipeline");
        Assert.That(provider.GetClient(company, null).Client, Is.SameAs(pipeline), "one pipeline for the company and its model");
        Assert.That(provider.GetClient(company, "gpt-4.1").Client, Is.Not.SameAs(pipeline), "another model, another pipeline");
        Assert.That(host.Llm.ChatRequests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task LlmQuery_StreamedAndNot_GiveTheSameAnswerTurnAndQueryLogRow()
    {
        await using var host = await AssistantHost.StartAsync();
        const string user = "pipe-same@example.com";
        var runs = new List<(string Answer, string ResponseId, List<string> Events)>();
        foreach (var streamed in new[] { false, true })
        {
            // A fresh conversation each time, so both questions send the model the same messages.
            using (await host.PostAsync("/api/sample_company/init-context", new { user_identifier = user }))
            {
            }

            host.Llm.Enqueue(
                ScriptedReply.ToolCalls(("iat_sql_query", JsonSerializer.Serialize(new { database = "sample_database", query = EmployeesSql }))),
                ScriptedReply.Text("The first three: **Nancy**, Andrew and Janet.", promptTokens: 321, completionTokens: 12));
            var question = new { question = "Who are the first three employees?", user_identifier = user };
            if (streamed)
            {
                using var response = await host.PostAsync(Path, question, "text/event-stream");
                var events = await AssistantHost.ReadEventsAsync(response);
                var done = events[^1].Data;
                runs.Add((done.GetProperty("answer").GetString()!, done.GetProperty("response_id").GetString()!, events.Select(e => e.Event).ToList()));
            }
            else
            {
                var answer = await host.AskAsync(question);
                runs.Add((answer.GetProperty("answer").GetString()!, answer.GetProperty("response_id").GetString()!, []));
            }
        }

        Assert.That(runs[1].Events.Distinct(), Is.EqualTo(new[] { "tool_call", "tool_result", "delta", "done" }));
        Assert.That(runs[0].Answer, Is.EqualTo("The first three: **Nancy**, Andrew and Janet."));
        Assert.That(runs[1].Answer, Is.EqualTo(runs[0].Answer));
        Assert.That(host.Llm.ChatRequests[2].Messages.Select(m => m.Content), Is.EqualTo(host.Llm.ChatRequests[0].Messages.Select(m => m.Content)), "the same messages reached the model");

        await host.FlushQueryLogAsync();
        await using var connection = await SampleAssistantFixture.Core.OpenAsync();
        const string RowSql = """
            SELECT user_identifier, model, question, prompt_name, answer, outcome, error_message, prompt_tokens, completion_tokens,
                   (SELECT jsonb_agg(c - 'duration_ms') FROM jsonb_array_elements(tool_calls::jsonb) c)::text AS tool_calls
            FROM iat_queries WHERE response_id = @id
            """;
        var rows = new List<IDictionary<string, object?>>();
        foreach (var run in runs)
        {
            rows.Add((IDictionary<string, object?>)await connection.QuerySingleAsync(RowSql, new { id = run.ResponseId }));
        }

        Assert.That(rows[1], Is.EquivalentTo(rows[0]), "the query log rows, apart from ids, times and durations");
        Assert.That(rows[0]["outcome"], Is.EqualTo("ok"));
        Assert.That(rows[0]["tool_calls"], Does.Contain("iat_sql_query"));
        Assert.That((int)rows[0]["prompt_tokens"]!, Is.GreaterThan(321), "both model calls are counted");
        Assert.That(rows[0]["completion_tokens"], Is.GreaterThanOrEqualTo(12));

        const string TurnSql = "SELECT user_identifier, depth, question, answer, model FROM iat_turns WHERE response_id = @id";
        var turns = new List<IDictionary<string, object?>>();
        foreach (var run in runs)
        {
            turns.Add((IDictionary<string, object?>)await connection.QuerySingleAsync(TurnSql, new { id = run.ResponseId }));
        }

        Assert.That(turns[1], Is.EquivalentTo(turns[0]), "the stored turns");
        Assert.That(turns[0]["depth"], Is.EqualTo(1));
    }
}
