using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IAToolkit.Assistant;

/// <summary>
/// Moves the query log from Redis (<see cref="QueryLogQueue"/>) into <c>iat_queries</c>, a batch per statement. What
/// happens to a row after its question ended:
/// <list type="bullet">
/// <item>It is pushed onto the Redis list (one round trip on the request path). When Redis is unreachable or refuses
/// it (out of memory), it is written to PostgreSQL directly instead; only when both fail is it lost, and logged.</item>
/// <item>A writer runs in every host (<see cref="QueryLogWriterService"/>): whenever rows wait, at most every
/// <see cref="QueryLogOptions.FlushInterval"/> (at once when a full batch waits), it takes up to
/// <see cref="QueryLogOptions.BatchSize"/> of them as a claimed batch, writes them in one INSERT and deletes the batch.</item>
/// <item>A host that crashes, is killed, or loses PostgreSQL with a batch in hand leaves it in Redis; once its claim is
/// older than <see cref="QueryLogOptions.ClaimTimeout"/>, any host's writer takes and writes it. Each row carries a
/// unique <c>log_id</c> and is inserted with <c>ON CONFLICT DO NOTHING</c>, so a batch written twice (the writer died
/// after its INSERT) adds each row once.</item>
/// <item>While PostgreSQL is down, rows wait in Redis and the writer retries with backoff (one warning per outage).</item>
/// <item>On a graceful stop the writer writes everything waiting, within the host's shutdown timeout; what it cannot
/// write then stays in Redis for the next writer.</item>
/// <item>Readers of <c>iat_queries</c> that users see (history, stats) call <see cref="FlushAsync"/> first, so a
/// question shows as soon as it is answered.</item>
/// <item>A Redis restarted without persistence loses the rows not yet written (about one flush interval's worth, or all
/// that waited while PostgreSQL was down): run Redis with <c>appendonly yes</c> where that matters.</item>
/// </list>
/// </summary>
internal sealed partial class QueryLogWriter
{
    // How long a read waits for batches other writers are writing before it writes them itself: 10 × 20 ms.
    private const int HeldBatchPolls = 10;

    private static readonly TimeSpan s_heldBatchPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan s_firstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan s_lastRetry = TimeSpan.FromSeconds(10);

    private readonly QueryLogQueue _queue;
    private readonly QueryLogTable _table;
    private readonly ILogger<QueryLogWriter> _logger;
    private int _failing;

    public QueryLogWriter(QueryLogQueue queue, QueryLogTable table, ILogger<QueryLogWriter> logger)
    {
        _queue = queue;
        _table = table;
        _logger = logger;
    }

    /// <summary>
    /// Writes batches until none waits. A batch PostgreSQL does not take is retried with backoff while
    /// <paramref name="retry"/> is true (its claim renewed meanwhile), else left in Redis and the exception thrown.
    /// </summary>
    public async Task<int> DrainAsync(bool retry, CancellationToken cancellationToken)
    {
        var written = 0;
        while (await _queue.ClaimAsync() is { } batch)
        {
            if (batch.Reclaimed)
            {
                Reclaimed(_logger, batch.Id, batch.Rows.Count);
            }

            written += await WriteAsync(batch, retry, cancellationToken);
        }

        return written;
    }

    /// <summary>
    /// Writes what waits now, before a read of <c>iat_queries</c>: one round trip when nothing does. Rows that waited
    /// when it was called are written when it returns, including those another writer holds (written again, which adds
    /// nothing). A failure is logged and the read goes on without them; they stay queued.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (pending, claimed) = await _queue.StatusAsync();
            if (pending == 0 && claimed.Length == 0)
            {
                return;
            }

            // The list first: a row taken from it meanwhile by another writer is then among the claims read next.
            var taken = 0L;
            while (taken < pending && await _queue.ClaimAsync() is { } batch)
            {
                taken += batch.Rows.Count;
                await WriteAsync(batch, retry: false, cancellationToken);
            }

            // Batches other writers hold: usually written within milliseconds; a batch still held after a short wait (its
            // writer slow, or dead and its claim not yet expired) is written here too.
            var held = (await _queue.StatusAsync()).Claimed;
            for (var poll = 0; held.Length > 0 && poll < HeldBatchPolls; poll++)
            {
                await Task.Delay(s_heldBatchPoll, cancellationToken);
                held = [.. held.Intersect((await _queue.StatusAsync()).Claimed)];
            }

            foreach (var id in held)
            {
                if (await _queue.ReadBatchAsync(id) is { } rows)
                {
                    await WriteAsync(new QueryLogBatch(id, rows, false), retry: false, cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            NotFlushed(_logger, ex);
        }
    }

    private async Task<int> WriteAsync(QueryLogBatch batch, bool retry, CancellationToken cancellationToken)
    {
        var delay = s_firstRetry;
        while (true)
        {
            int written;
            try
            {
                written = await _table.InsertAsync(batch.Rows, cancellationToken);
            }
            catch (Exception ex) when (retry && ex is not OperationCanceledException)
            {
                if (Interlocked.Exchange(ref _failing, 1) == 0)
                {
                    Waiting(_logger, ex.Message, ex);
                }

                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, s_lastRetry.Ticks));
                if (!await _queue.TouchAsync(batch.Id))
                {
                    // Another host wrote it meanwhile.
                    return 0;
                }

                continue;
            }

            await _queue.CompleteAsync(batch.Id);
            if (Interlocked.Exchange(ref _failing, 0) == 1)
            {
                Resumed(_logger);
            }

            return written;
        }
    }

    [LoggerMessage(2902, LogLevel.Warning, "The query log cannot be written to PostgreSQL; its rows wait in Redis and are retried: {Reason}")]
    private static partial void Waiting(ILogger logger, string reason, Exception exception);

    [LoggerMessage(2903, LogLevel.Information, "The query log is written to PostgreSQL again")]
    private static partial void Resumed(ILogger logger);

    [LoggerMessage(2907, LogLevel.Information, "A batch of the query log ({Batch}, {Rows} rows) whose writer stopped answering is written by this host")]
    private static partial void Reclaimed(ILogger logger, string batch, int rows);

    [LoggerMessage(2908, LogLevel.Warning, "The query log could not be written before a read; rows still queued in Redis may be missing from it")]
    private static partial void NotFlushed(ILogger logger, Exception exception);
}
