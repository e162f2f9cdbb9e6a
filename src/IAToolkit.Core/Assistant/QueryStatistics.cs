using Dapper;
using IAToolkit.Database;

namespace IAToolkit.Assistant;

/// <summary>Totals of the query log per company and day, for the <c>stats</c> verb.</summary>
internal sealed class QueryStatistics
{
    private const string DailySql = """
        SELECT c.short_name AS company,
               (q.created_at AT TIME ZONE 'UTC')::date AS day,
               count(*)::int AS queries,
               (count(*) FILTER (WHERE q.outcome <> 'ok'))::int AS failed,
               coalesce(sum(q.prompt_tokens), 0)::bigint AS prompt_tokens,
               coalesce(sum(q.completion_tokens), 0)::bigint AS completion_tokens,
               coalesce(avg(q.duration_ms), 0)::int AS average_ms,
               coalesce(percentile_disc(0.95) WITHIN GROUP (ORDER BY q.duration_ms), 0)::int AS p95_ms,
               (count(*) FILTER (WHERE jsonb_array_length(q.tool_calls) > 0))::int AS with_tools
        FROM iat_queries q
        JOIN iat_companies c ON c.id = q.company_id
        WHERE q.created_at >= (now() AT TIME ZONE 'UTC')::date - @Days + 1
          AND (@Company::text IS NULL OR c.short_name = @Company)
        GROUP BY c.short_name, day
        ORDER BY c.short_name, day
        """;

    private readonly CoreDatabase _database;
    private readonly QueryLogWriter _writer;

    public QueryStatistics(CoreDatabase database, QueryLogWriter writer)
    {
        _database = database;
        _writer = writer;
    }

    /// <summary>The totals, the questions still queued for the query log included.</summary>
    public async Task<IReadOnlyList<DailyQueryTotals>> DailyAsync(string? company, int days, CancellationToken cancellationToken)
    {
        await _writer.FlushAsync(cancellationToken);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DailyQueryTotals>(new CommandDefinition(DailySql, new { Company = company, Days = days }, cancellationToken: cancellationToken));
        return [.. rows];
    }
}

/// <summary>One company's queries on one day.</summary>
internal sealed record DailyQueryTotals(
    string Company,
    DateOnly Day,
    int Queries,
    int Failed,
    long PromptTokens,
    long CompletionTokens,
    int AverageMs,
    int P95Ms,
    int WithTools);
