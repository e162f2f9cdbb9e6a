using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace IAToolkit.Assistant.Tools;

/// <summary>
/// A tool the model can call. Every call is timed and recorded; a tool error becomes a JSON error the model can
/// read (so it can recover or explain) instead of failing the question.
/// </summary>
internal abstract class AssistantTool : AIFunction
{
    protected AssistantTool(ToolRun run) => Run = run;

    protected ToolRun Run { get; }

    protected sealed override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToElement(arguments.ToDictionary(kv => kv.Key, kv => kv.Value), ToolCallRecord.JsonOptions);
        var watch = Stopwatch.StartNew();
        try
        {
            var result = await ExecuteAsync(json, cancellationToken);
            Run.Record(new ToolCallRecord(Name, json, watch.ElapsedMilliseconds, "ok", null));
            return Compact(result);
        }
        catch (IAToolkitException ex)
        {
            Run.Record(new ToolCallRecord(Name, json, watch.ElapsedMilliseconds, "error", ex.Message));
            return Compact(ErrorResult(ex));
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

    /// <summary>Runs the tool; an <see cref="IAToolkitException"/> is shown to the model as an error.</summary>
    protected abstract Task<object?> ExecuteAsync(JsonElement arguments, CancellationToken cancellationToken);

    /// <summary>What the model reads when the tool failed.</summary>
    protected virtual object ErrorResult(IAToolkitException exception) => new { error = exception.Message };

    protected static string RequiredString(JsonElement arguments, string name)
        => arguments.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new IAToolkitException(ErrorCodes.InvalidRequest, $"The argument '{name}' is required and must be a non-empty string.");

    protected static JsonElement Schema(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
