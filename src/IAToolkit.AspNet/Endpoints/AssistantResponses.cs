using System.Text.Json;
using System.Text.Json.Serialization;
using IAToolkit.Assistant;
using IAToolkit.Assistant.Tools;

namespace IAToolkit.AspNet.Endpoints;

/// <summary>The answer of <c>init-context</c>.</summary>
internal sealed record InitContextResponse(string Status, string Message, string ResponseId, string Model);

/// <summary>
/// The answer of <c>llm_query</c>: the deployment guide's shape, plus the sanitized HTML, the statistics and the
/// document passages the answer used (<c>citations</c>, absent when none).
/// </summary>
internal sealed record LlmQueryResponse(
    string Answer,
    string AnswerHtml,
    string ResponseId,
    bool ValidResponse,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? AdditionalData,
    LlmQueryStats Stats,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Citation>? Citations)
{
    public static LlmQueryResponse From(QueryAnswer answer) => new(
        answer.Answer,
        answer.AnswerHtml,
        answer.ResponseId,
        answer.ValidResponse,
        answer.AdditionalData,
        new LlmQueryStats(answer.Model, answer.PromptTokens, answer.CompletionTokens, answer.PromptTokens + answer.CompletionTokens, (long)answer.Duration.TotalMilliseconds, answer.ToolCalls),
        answer.Citations.Count > 0 ? answer.Citations : null);
}

/// <summary>What one question cost.</summary>
internal sealed record LlmQueryStats(string Model, int PromptTokens, int CompletionTokens, int TotalTokens, long DurationMs, IReadOnlyList<ToolCallRecord> ToolCalls);

/// <summary>The answer of <c>history</c>, shaped as the Python project's.</summary>
internal sealed record HistoryResponse(string Message, IReadOnlyList<QueryHistoryItem> History);
