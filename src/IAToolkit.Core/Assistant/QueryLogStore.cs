using System.Text.Json;
using Dapper;
using IAToolkit.Assistant.Tools;
using IAToolkit.Companies;
using IAToolkit.Database;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Assistant;

/// <summary>Records every <c>llm_query</c> in <c>iat_queries</c>, answered or failed; a failure to record never fails the query.</summary>
internal sealed partial class QueryLogStore
{
    private const string InsertSql = """
        INSERT INTO iat_queries (company_id, user_identifier, response_id, model, question, prompt_name, answer, outcome, error_message,
                                 prompt_tokens, completion_tokens, duration_ms, tool_calls)
        VALUES (@CompanyId, @UserIdentifier, @ResponseId, @Model, @Question, @PromptName, @Answer, @Outcome, @ErrorMessage,
                @PromptTokens, @CompletionTokens, @DurationMs, CAST(@ToolCalls AS jsonb))
        """;

    private const string HistorySql = """
        SELECT id, question, prompt_name, answer, outcome, model, prompt_tokens, completion_tokens, duration_ms, created_at
        FROM iat_queries
        WHERE company_id = @CompanyId AND user_identifier = @UserIdentifier
        ORDER BY id DESC
        LIMIT @Limit
        """;

    private readonly CoreDatabase _database;
    private readonly ILogger<QueryLogStore> _logger;

    public QueryLogStore(CoreDatabase database, ILogger<QueryLogStore> logger)
    {
        _database = database;
        _logger = logger;
    }

    /// <summary>Records a query; it runs even when the request was canceled, so a timeout is logged too.</summary>
    public async Task RecordAsync(Company company, QueryRecord record)
    {
        var row = new
        {
            CompanyId = company.Id,
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
            DurationMs = (int)Math.Min(int.MaxValue, record.Duration.TotalMilliseconds),
            ToolCalls = JsonSerializer.Serialize(record.ToolCalls, ToolCallRecord.JsonOptions),
        };
        try
        {
            await using var connection = await _database.OpenConnectionAsync(CancellationToken.None);
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, row, cancellationToken: CancellationToken.None));
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IAToolkitException)
        {
            NotRecorded(_logger, company.ShortName, ex);
        }
    }

    /// <summary>The user's latest queries, newest first.</summary>
    public async Task<IReadOnlyList<QueryHistoryItem>> HistoryAsync(Company company, string userIdentifier, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<QueryHistoryItem>(new CommandDefinition(HistorySql, new { CompanyId = company.Id, UserIdentifier = userIdentifier, Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    [LoggerMessage(1601, LogLevel.Warning, "A query of company {Company} could not be recorded in the query log")]
    private static partial void NotRecorded(ILogger logger, string company, Exception exception);
}
