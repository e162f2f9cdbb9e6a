using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using IAToolkit.Diagnostics;
using IAToolkit.Testing.ScriptedLlm;
using CoreTelemetry = IAToolkit.Diagnostics.Telemetry;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>What an operator's tracing and metrics see of a question: its span, the model and tool spans under it, its tokens.</summary>
public sealed class QueryTelemetryTests
{
    [Test]
    public async Task LlmQuery_WithAToolCall_TracesTheQueryWithItsModelCallsAndTheToolAsChildren()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == IAToolkitTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(
            ScriptedReply.ToolCalls(("iat_sql_query", JsonSerializer.Serialize(new { database = "sample_database", query = "SELECT count(*) FROM employees" }))),
            ScriptedReply.Text("There are 9 employees.", promptTokens: 500, completionTokens: 20));

        var answer = await host.AskAsync(new { question = "How many employees?", user_identifier = "traced@example.com" });

        // Tests run in parallel against the same company: this question's span is the one with its response id.
        var responseId = answer.GetProperty("response_id").GetString();
        var query = stopped.Single(a => a.OperationName == CoreTelemetry.QuerySpanName && Equals(a.GetTagItem(CoreTelemetry.ResponseIdTag), responseId));
        Assert.That(query.DisplayName, Is.EqualTo("invoke_agent sample_company"));
        Assert.That(query.GetTagItem(CoreTelemetry.CompanyTag), Is.EqualTo("sample_company"));
        Assert.That(query.GetTagItem("gen_ai.request.model"), Is.EqualTo("gpt-4o-mini"));
        Assert.That(query.GetTagItem("gen_ai.provider.name"), Is.EqualTo("openai"));
        Assert.That(query.GetTagItem(CoreTelemetry.OutcomeTag), Is.EqualTo("ok"));
        var promptTokens = answer.GetProperty("stats").GetProperty("prompt_tokens").GetInt32();
        Assert.That(query.GetTagItem("gen_ai.usage.input_tokens"), Is.EqualTo(promptTokens));
        Assert.That(query.GetTagItem("gen_ai.usage.output_tokens"), Is.EqualTo(answer.GetProperty("stats").GetProperty("completion_tokens").GetInt32()));

        var children = stopped.Where(a => a.TraceId == query.TraceId && a.ParentSpanId == query.SpanId).OrderBy(a => a.StartTimeUtc).ToList();
        var chats = children.Where(a => Equals(a.GetTagItem("gen_ai.operation.name"), "chat")).ToList();
        Assert.That(chats, Has.Count.EqualTo(2), "one span per model call, each a child of the question's");
        Assert.That(chats.Select(c => c.GetTagItem("gen_ai.request.model")), Is.All.EqualTo("gpt-4o-mini"));
        Assert.That(chats[1].GetTagItem("gen_ai.usage.input_tokens"), Is.EqualTo(500));
        Assert.That(chats[1].GetTagItem("gen_ai.usage.output_tokens"), Is.EqualTo(20));
        Assert.That(chats.Sum(c => (int)c.GetTagItem("gen_ai.usage.input_tokens")!), Is.EqualTo(promptTokens));
        var tool = children.Single(a => Equals(a.GetTagItem("gen_ai.operation.name"), "execute_tool"));
        Assert.That(tool.GetTagItem("gen_ai.tool.name"), Is.EqualTo("iat_sql_query"));
        Assert.That(tool.StartTimeUtc, Is.GreaterThan(chats[0].StartTimeUtc).And.LessThan(chats[1].StartTimeUtc));
        Assert.That(children.Select(c => c.GetTagItem("gen_ai.input.messages")), Is.All.Null, "prompts stay out of spans");
    }

    [Test]
    public async Task LlmQuery_Answered_CountsItsTokensByCompanyModelAndType()
    {
        var tokens = new ConcurrentQueue<(long Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == IAToolkitTelemetry.Name && instrument.Name == CoreTelemetry.Tokens.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) => tokens.Enqueue((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        meters.Start();
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.Text("Counted.", promptTokens: 4321, completionTokens: 123));

        await host.AskAsync(new { question = "Count my tokens.", user_identifier = "tokens@example.com" });

        // Values no other test scripts, since tests run in parallel against the same company.
        var ours = tokens.Where(t => t.Value is 4321 or 123 && Equals(t.Tags[CoreTelemetry.CompanyTag], "sample_company")).ToList();
        Assert.That(ours.Select(t => (t.Value, t.Tags["gen_ai.token.type"], t.Tags["gen_ai.request.model"])), Is.EquivalentTo(new[]
        {
            (4321L, (object?)"input", (object?)"gpt-4o-mini"),
            (123L, (object?)"output", (object?)"gpt-4o-mini"),
        }));
    }
}
