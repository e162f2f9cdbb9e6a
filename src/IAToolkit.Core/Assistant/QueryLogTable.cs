using IAToolkit.Database;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace IAToolkit.Assistant;

/// <summary>
/// Writes rows of the query log into <c>iat_queries</c>: any number in one prepared statement (one round trip),
/// each at most once (<c>log_id</c> is unique), so a batch written again after a writer died adds nothing.
/// </summary>
internal sealed partial class QueryLogTable
{
    // One array per column, unnested in order. A row of a company deleted meanwhile is skipped, as its rows were.
    private const string InsertSql = """
        INSERT INTO iat_queries (log_id, company_id, user_identifier, response_id, model, question, prompt_name, answer, outcome,
                                 error_message, prompt_tokens, completion_tokens, duration_ms, tool_calls, created_at)
        SELECT r.log_id, r.company_id, r.user_identifier, r.response_id, r.model, r.question, r.prompt_name, r.answer, r.outcome,
               r.error_message, r.prompt_tokens, r.completion_tokens, r.duration_ms, r.tool_calls::jsonb, r.created_at
        FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                    $10::text[], $11::integer[], $12::integer[], $13::integer[], $14::text[], $15::timestamptz[]) WITH ORDINALITY
             AS r(log_id, company_id, user_identifier, response_id, model, question, prompt_name, answer, outcome,
                  error_message, prompt_tokens, completion_tokens, duration_ms, tool_calls, created_at, n)
        WHERE EXISTS (SELECT 1 FROM iat_companies c WHERE c.id = r.company_id)
        ORDER BY r.n
        ON CONFLICT (log_id) DO NOTHING
        """;

    private readonly CoreDatabase _database;
    private readonly ILogger<QueryLogTable> _logger;

    public QueryLogTable(CoreDatabase database, ILogger<QueryLogTable> logger)
    {
        _database = database;
        _logger = logger;
    }

    /// <summary>
    /// Writes <paramref name="rows"/> in one statement; returns how many were new. A row PostgreSQL refuses for its data
    /// (a data or integrity error: it would be refused forever) is dropped and logged, so it cannot hold back the rows
    /// queued behind it; anything else (PostgreSQL unreachable, the table not migrated yet) throws and the rows wait.
    /// </summary>
    public async Task<int> InsertAsync(IReadOnlyList<QueryLogEntry> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        try
        {
            return await InsertOnceAsync(rows, cancellationToken);
        }
        catch (PostgresException ex) when (IsRefusedData(ex) && rows.Count > 1)
        {
            // One bad row fails the statement: find it by writing the rows one by one.
            var written = 0;
            foreach (var row in rows)
            {
                written += await InsertAsync([row], cancellationToken);
            }

            return written;
        }
        catch (PostgresException ex) when (IsRefusedData(ex))
        {
            Dropped(_logger, rows[0].LogId, rows[0].CompanyId, ex.SqlState, ex);
            return 0;
        }
    }

    private static bool IsRefusedData(PostgresException ex) => ex.SqlState.StartsWith("22", StringComparison.Ordinal) || ex.SqlState.StartsWith("23", StringComparison.Ordinal);

    private async Task<int> InsertOnceAsync(IReadOnlyList<QueryLogEntry> rows, CancellationToken cancellationToken)
    {
        var count = rows.Count;
        var logIds = new Guid[count];
        var companyIds = new long[count];
        var users = new string[count];
        var responseIds = new string?[count];
        var models = new string[count];
        var questions = new string[count];
        var promptNames = new string?[count];
        var answers = new string?[count];
        var outcomes = new string[count];
        var errors = new string?[count];
        var promptTokens = new int[count];
        var completionTokens = new int[count];
        var durations = new int[count];
        var toolCalls = new string[count];
        var createdAt = new DateTime[count];
        for (var i = 0; i < count; i++)
        {
            var row = rows[i];
            logIds[i] = row.LogId;
            companyIds[i] = row.CompanyId;
            users[i] = row.UserIdentifier;
            responseIds[i] = row.ResponseId;
            models[i] = row.Model;
            questions[i] = row.Question;
            promptNames[i] = row.PromptName;
            answers[i] = row.Answer;
            outcomes[i] = row.Outcome;
            errors[i] = row.ErrorMessage;
            promptTokens[i] = row.PromptTokens;
            completionTokens[i] = row.CompletionTokens;
            durations[i] = row.DurationMs;
            toolCalls[i] = row.ToolCalls;
            createdAt[i] = DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc);
        }

        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(InsertSql, connection)
        {
            Parameters =
            {
                new() { Value = logIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid },
                new() { Value = companyIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint },
                Text(users),
                Text(responseIds),
                Text(models),
                Text(questions),
                Text(promptNames),
                Text(answers),
                Text(outcomes),
                Text(errors),
                new() { Value = promptTokens, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer },
                new() { Value = completionTokens, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer },
                new() { Value = durations, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer },
                Text(toolCalls),
                new() { Value = createdAt, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
            },
        };

        // Prepared once per pooled connection (Npgsql keeps it across opens): later batches skip the parse and plan.
        await command.PrepareAsync(cancellationToken);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Text(string?[] values) => new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    [LoggerMessage(2905, LogLevel.Error, "A row of the query log (log id {LogId}, company id {CompanyId}) was refused by PostgreSQL ({SqlState}) and dropped")]
    private static partial void Dropped(ILogger logger, Guid logId, long companyId, string sqlState, Exception exception);
}
