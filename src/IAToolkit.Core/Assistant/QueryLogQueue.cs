using System.Text.Json;
using IAToolkit.Database;
using IAToolkit.Redis;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace IAToolkit.Assistant;

/// <summary>
/// The query log's rows on their way to PostgreSQL, in Redis, where every host sees them. Three keys without a
/// lifetime (so <c>volatile-lru</c> never evicts them), named after the core database so that two deployments that
/// share a Redis and a key prefix never write each other's rows into the wrong database:
/// <c>{prefix}querylog:{database}:pending</c>, a list of rows as questions end; <c>…:batches</c>, a hash of the
/// batches writers have taken (batch id → the rows as a JSON array); <c>…:claims</c>, a sorted set of those batch
/// ids scored by when they were taken (Redis's clock). A batch moves from the list to the hash in one script, so a
/// row is always in exactly one of them until its batch is written and deleted.
/// </summary>
internal sealed class QueryLogQueue : IDisposable
{
    // A writer whose batch is older than the claim timeout is taken for dead: its batch is handed out again (first), else
    // up to ARGV[1] rows move from the list to a new batch. Redis's clock, so hosts whose clocks disagree still agree.
    private const string ClaimScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local stale = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[2]), 'LIMIT', 0, 1)
        if #stale > 0 then
          local rows = redis.call('HGET', KEYS[3], stale[1])
          if rows then
            redis.call('ZADD', KEYS[2], now, stale[1])
            return {stale[1], rows, 1}
          end
          redis.call('ZREM', KEYS[2], stale[1])
        end
        local rows = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
        if #rows == 0 then
          return false
        end
        redis.call('LTRIM', KEYS[1], #rows, -1)
        local batch = '[' .. table.concat(rows, ',') .. ']'
        redis.call('HSET', KEYS[3], ARGV[3], batch)
        redis.call('ZADD', KEYS[2], now, ARGV[3])
        return {ARGV[3], batch, 0}
        """;

    // A writer still retrying its batch keeps it: only while the claim exists (another host may have written it already).
    private const string TouchScript = """
        if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then
          return 0
        end
        local t = redis.call('TIME')
        redis.call('ZADD', KEYS[1], tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000), ARGV[1])
        return 1
        """;

    private readonly RedisConnection _redis;
    private readonly IOptions<QueryLogOptions> _options;
    private readonly Lazy<(RedisKey Pending, RedisKey Claims, RedisKey Batches)> _keys;
    private readonly SemaphoreSlim _wake = new(0, 1);

    public QueryLogQueue(RedisConnection redis, CoreDatabase database, IOptions<QueryLogOptions> options)
    {
        _redis = redis;
        _options = options;
        _keys = new(() =>
        {
            // The hash tag keeps the three keys in one slot of a Redis Cluster, as the script needs.
            var name = new NpgsqlConnectionStringBuilder(database.DataSource.ConnectionString).Database;
            var stem = $"{redis.KeyPrefix}querylog:{{{name}}}:";
            return (stem + "pending", stem + "claims", stem + "batches");
        });
    }

    /// <summary>The list of rows not yet taken by a writer.</summary>
    public RedisKey PendingKey => _keys.Value.Pending;

    /// <summary>Queues a row; returns how many rows now wait (one round trip).</summary>
    public async Task<long> PushAsync(QueryLogEntry entry)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(entry, QueryLogJsonContext.Default.QueryLogEntry);
        var waiting = await (await DatabaseAsync()).ListRightPushAsync(_keys.Value.Pending, json);
        if (waiting >= _options.Value.BatchSize)
        {
            Wake();
        }

        return waiting;
    }

    /// <summary>Takes a batch: a batch of a writer taken for dead, else the oldest waiting rows; null when there is none.</summary>
    public async Task<QueryLogBatch?> ClaimAsync()
    {
        var options = _options.Value;
        var (pending, claims, batches) = _keys.Value;
        var result = await (await DatabaseAsync()).ScriptEvaluateAsync(
            ClaimScript,
            [pending, claims, batches],
            [options.BatchSize, (long)options.ClaimTimeout.TotalMilliseconds, Guid.CreateVersion7().ToString("N")]);
        if (result.IsNull)
        {
            return null;
        }

        var parts = (RedisResult[])result!;
        return new QueryLogBatch((string)parts[0]!, Parse((byte[])parts[1]!), (long)parts[2] == 1);
    }

    /// <summary>Renews a batch's claim while its writer retries; false when the batch is no longer claimed.</summary>
    public async Task<bool> TouchAsync(string batchId)
    {
        var (_, claims, _) = _keys.Value;
        var changed = await (await DatabaseAsync()).ScriptEvaluateAsync(TouchScript, [claims], [batchId]);
        return (long)changed == 1;
    }

    /// <summary>Deletes a written batch.</summary>
    public async Task CompleteAsync(string batchId)
    {
        var (_, claims, batches) = _keys.Value;
        var transaction = (await DatabaseAsync()).CreateTransaction();
        _ = transaction.HashDeleteAsync(batches, batchId);
        _ = transaction.SortedSetRemoveAsync(claims, batchId);
        await transaction.ExecuteAsync();
    }

    /// <summary>How many rows wait, and the batches writers hold now (one round trip).</summary>
    public async Task<(long Pending, string[] Claimed)> StatusAsync()
    {
        var (pending, claims, _) = _keys.Value;
        var database = await DatabaseAsync();
        var batch = database.CreateBatch();
        var length = batch.ListLengthAsync(pending);
        var claimed = batch.SortedSetRangeByRankAsync(claims);
        batch.Execute();
        return (await length, [.. (await claimed).Select(id => (string)id!)]);
    }

    /// <summary>The rows of a claimed batch, or null when it was written and deleted meanwhile.</summary>
    public async Task<IReadOnlyList<QueryLogEntry>?> ReadBatchAsync(string batchId)
    {
        var (_, claims, batches) = _keys.Value;
        var database = await DatabaseAsync();
        var rows = await database.HashGetAsync(batches, batchId);
        if (rows.IsNull)
        {
            await database.SortedSetRemoveAsync(claims, batchId);
            return null;
        }

        return Parse((byte[])rows!);
    }

    /// <summary>Wakes the writer before its interval is over (a full batch waits).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken already by another push.
            }
        }
    }

    /// <summary>Waits for <paramref name="interval"/> or until <see cref="Wake"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken) => await _wake.WaitAsync(interval, cancellationToken);

    public void Dispose() => _wake.Dispose();

    private static List<QueryLogEntry> Parse(byte[] json) => JsonSerializer.Deserialize(json, QueryLogJsonContext.Default.ListQueryLogEntry) ?? [];

    private async Task<IDatabase> DatabaseAsync() => (await _redis.GetAsync()).GetDatabase();
}
