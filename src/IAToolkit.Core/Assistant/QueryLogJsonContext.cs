using System.Text.Json;
using System.Text.Json.Serialization;
using IAToolkit.Assistant.Tools;

namespace IAToolkit.Assistant;

/// <summary>
/// Source-generated JSON for the query log: the queued rows and the <c>tool_calls</c> column (web defaults, as
/// <see cref="ToolCallRecord.JsonOptions"/>, so the column reads as before).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(QueryLogEntry))]
[JsonSerializable(typeof(List<QueryLogEntry>))]
[JsonSerializable(typeof(IReadOnlyList<ToolCallRecord>))]
internal sealed partial class QueryLogJsonContext : JsonSerializerContext;
