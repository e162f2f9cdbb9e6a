using System.Text.Json;
using System.Text.Json.Serialization;

namespace IAToolkit.Assistant.Tools;

/// <summary>One tool call of a query: which tool, with what, how long it took and how it ended.</summary>
/// <param name="Name">The tool.</param>
/// <param name="Arguments">The arguments the model passed (JSON).</param>
/// <param name="DurationMs">How long the tool ran.</param>
/// <param name="Outcome"><c>ok</c> or <c>error</c>.</param>
/// <param name="Error">The error the model was shown, when it failed.</param>
internal sealed record ToolCallRecord(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("arguments")] JsonElement Arguments,
    [property: JsonPropertyName("duration_ms")] long DurationMs,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error)
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
