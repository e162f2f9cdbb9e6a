using Dapper;
using IAToolkit.Companies;
using IAToolkit.Database;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Assistant;

/// <summary>
/// Records every <c>llm_query</c> in <c>iat_queries</c>, answered or failed; a failure to record never fails the query.
/// A row is queued in Redis and written in batches by <see cref="QueryLogWriter"/> (whose summary says what becomes
/// of it on a stop, a crash or an outage); the history reads it as soon as the question ended.
/// </summary>
internal sealed partial class QueryLogStore
{
    private const string HistorySql = """
        SELECT id, question, prompt_name, answer, outcome, model, prompt_tokens, completion_tokens, duration_ms, created_at
        FROM iat_queries
        WHERE company_id = @CompanyId AND user_identifier = @UserIdentifier
        ORDER BY created_at DESC, id DESC
        LIMIT @Limit
        """;

    private readonly CoreDatabase _database;
    private readonly QueryLogQueue _queue;
    private readonly QueryLogTable _table;
    private readonly QueryLogWriter _writer;
    private readonly ILogger<QueryLogStore> _logger;
    private int _redisFailing;

    public QueryLogStore(CoreDatabase database, QueryLogQueue queue, QueryLogTable table, QueryLogWriter writer, ILogger<QueryLogStore> logger)
    {
        _database = database;
        _queue = queue;
        _table = table;
        _writer = writer;
        _logger = logger;
    }

    /// <summary>
    /// Records a query: one Redis round trip, or, when Redis is unreachable or full, one INSERT. It runs even when the
    /// request was canceled, so a timeout is logged too.
    /// </summary>
    public async Task RecordAsync(Company company, QueryRecord record)
    {
        var entry = QueryLogEntry.From(company.Id, record);
        try
        {
            await _queue.PushAsync(entry);
            if (Interlocked.Exchange(ref _redisFailing, 0) == 1)
            {
                QueuedAgain(_logger);
            }

            return;
        }
        catch (Exception ex)
        {
            // The row may have reached Redis all the same (a timeout after the push): its log id keeps it from being written twice.
            if (Interlocked.Exchange(ref _redisFailing, 1) == 0)
            {
                NotQueued(_logger, ex.Message, ex);
            }
        }

        try
        {
            await _table.InsertAsync([entry], CancellationToken.None);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IAToolkitException)
        {
            NotRecorded(_logger, company.ShortName, ex);
        }
    }

    /// <summary>The user's latest queries, newest first, the one just asked included.</summary>
    public async Task<IReadOnlyList<QueryHistoryItem>> HistoryAsync(Company company, string userIdentifier, int limit, CancellationToken cancellationToken)
    {
        await _writer.FlushAsync(cancellationToken);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<QueryHistoryItem>(new CommandDefinition(HistorySql, new { CompanyId = company.Id, UserIdentifier = userIdentifier, Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    [LoggerMessage(1601, LogLevel.Warning, "A query of company {Company} could not be recorded in the query log")]
    private static partial void NotRecorded(ILogger logger, string company, Exception exception);

    [LoggerMessage(2900, LogLevel.Warning, "The query log cannot be queued in Redis; its rows are written to PostgreSQL directly until it can: {Reason}")]
    private static partial void NotQueued(ILogger logger, string reason, Exception exception);

    [LoggerMessage(2901, LogLevel.Information, "The query log is queued in Redis again")]
    private static partial void QueuedAgain(ILogger logger);
}
