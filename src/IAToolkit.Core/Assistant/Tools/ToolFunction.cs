using System.Diagnostics;
using System.Text.Json;
using IAToolkit.Diagnostics;
using Microsoft.Extensions.AI;

namespace IAToolkit.Assistant.Tools;

/// <summary>
/// One tool as one question's model sees it: the path every call takes, whatever the tool. Every call is timed,
/// recorded with the query, counted in the tool-call metrics and tagged on the <c>execute_tool</c> span that
/// Microsoft.Extensions.AI opens around it; a tool error becomes a JSON error the model can read (so it can recover or
/// explain) instead of failing the question.
/// </summary>
internal sealed class ToolFunction : AIFunction
{
    // Microsoft.Extensions.AI's function invocation names its span's operation so (gen-ai semantic conventions).
    private const string OperationTag = "gen_ai.operation.name";
    private const string ToolNameTag = "gen_ai.tool.name";

    private readonly IToolInvoker _invoker;
    private readonly ToolRun _run;

    public ToolFunction(string name, string description, JsonElement schema, IToolInvoker invoker, ToolRun run)
    {
        Name = name;
        Description = description;
        JsonSchema = schema;
        _invoker = invoker;
        _run = run;
    }

    public override string Name { get; }

    public override string Description { get; }

    public override JsonElement JsonSchema { get; }

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToElement(arguments.ToDictionary(kv => kv.Key, kv => kv.Value), ToolCallRecord.JsonOptions);
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            var result = await _invoker.InvokeAsync(json, _run, cancellationToken);
            outcome = "ok";
            _run.Record(new ToolCallRecord(Name, json, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, outcome, null));
            return Compact(result);
        }
        catch (IAToolkitException ex)
        {
            _run.Record(new ToolCallRecord(Name, json, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, outcome, ex.Message));
            return Compact(_invoker.ErrorResult(ex, _run));
        }
        finally
        {
            Measure(outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    // The model reads compact JSON: indented JSON (M.E.AI's default for objects) costs tokens for nothing.
    private static string? Compact(object? result)
        => result switch
        {
            null => null,
            string text => text,
            _ => JsonSerializer.Serialize(result, ToolCallRecord.JsonOptions),
        };

    // An exception other than IAToolkitException fails the question; it is still counted, as an error.
    private void Measure(string outcome, TimeSpan elapsed)
    {
        var company = new KeyValuePair<string, object?>(Telemetry.CompanyTag, _run.Company.ShortName);
        var tool = new KeyValuePair<string, object?>(ToolNameTag, Name);
        Telemetry.ToolCalls.Add(1, company, tool, new KeyValuePair<string, object?>(Telemetry.OutcomeTag, outcome));
        Telemetry.ToolCallDuration.Record(elapsed.TotalSeconds, company, tool);

        // Only the span opened for this very call is tagged: without telemetry on the pipeline the current activity
        // is the query's, which one tool's outcome must not overwrite.
        if (Activity.Current is { } span
            && span.GetTagItem(OperationTag) is "execute_tool"
            && Equals(span.GetTagItem(ToolNameTag), Name))
        {
            span.SetTag(Telemetry.CompanyTag, _run.Company.ShortName);
            span.SetTag(Telemetry.OutcomeTag, outcome);
        }
    }
}
