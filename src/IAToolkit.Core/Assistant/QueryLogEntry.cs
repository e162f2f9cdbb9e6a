using System.Text.Json.Serialization;

namespace IAToolkit.Assistant;

/// <summary>
/// One row of <c>iat_queries</c> as it waits in Redis for <see cref="QueryLogWriter"/>: every column, the time the
/// question ended (so a row written later still shows when it was asked) and an id of its own, so writing it twice
/// adds it once. Short names: thousands of these may wait at once.
/// </summary>
internal sealed record QueryLogEntry(
    [property: JsonPropertyName("id")] Guid LogId,
    [property: JsonPropertyName("c")] long CompanyId,
    [property: JsonPropertyName("u")] string UserIdentifier,
    [property: JsonPropertyName("r")] string? ResponseId,
    [property: JsonPropertyName("m")] string Model,
    [property: JsonPropertyName("q")] string Question,
    [property: JsonPropertyName("p")] string? PromptName,
    [property: JsonPropertyName("a")] string? Answer,
    [property: JsonPropertyName("o")] string Outcome,
    [property: JsonPropertyName("e")] string? ErrorMessage,
    [property: JsonPropertyName("pt")] int PromptTokens,
    [property: JsonPropertyName("ct")] int CompletionTokens,
    [property: JsonPropertyName("ms")] int DurationMs,
    [property: JsonPropertyName("t")] string ToolCalls,
    [property: JsonPropertyName("at")] DateTime CreatedAt)
{
    public static QueryLogEntry From(long companyId, QueryRecord record) => new(
        Guid.CreateVersion7(),
        companyId,
        record.UserIdentifier,
        record.ResponseId,
        record.Model,
        record.Question,
        record.PromptName,
        record.Answer,
        record.Outcome,
        record.ErrorMessage,
        record.PromptTokens,
        record.CompletionTokens,
        (int)Math.Min(int.MaxValue, record.Duration.TotalMilliseconds),
        System.Text.Json.JsonSerializer.Serialize(record.ToolCalls, QueryLogJsonContext.Default.IReadOnlyListToolCallRecord),
        DateTime.UtcNow);
}
