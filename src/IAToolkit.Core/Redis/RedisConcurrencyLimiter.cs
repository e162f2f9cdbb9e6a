using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace IAToolkit.Redis;

/// <summary>
/// At most <c>limit</c> calls running at once per partition, across every host: each running call holds a lease in a
/// Redis sorted set, scored by when it expires. A call gives its lease back when it ends; a host that dies mid-call
/// cannot, so expired leases are dropped before counting (a bare counter would stay raised for good). When Redis is
/// unreachable the call is let through, as <see cref="RedisRateLimiter"/> does: losing Redis must not lock everyone out.
/// </summary>
internal sealed partial class RedisConcurrencyLimiter
{
    // Atomic: drop expired leases, count, and take a slot only when one is free. Redis's own clock, so hosts whose
    // clocks disagree still agree on expiry.
    private const string AcquireScript = """
        local now = redis.call('TIME')
        local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ms)
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
          return 0
        end
        redis.call('ZADD', KEYS[1], ms + tonumber(ARGV[3]), ARGV[1])
        redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
        return 1
        """;

    private readonly RedisConnection _redis;
    private readonly ILogger<RedisConcurrencyLimiter> _logger;

    public RedisConcurrencyLimiter(RedisConnection redis, ILogger<RedisConcurrencyLimiter> logger)
    {
        _redis = redis;
        _logger = logger;
    }

    /// <summary>Takes a slot; dispose the lease to give it back. <see langword="null"/> when all slots are taken.</summary>
    public async Task<IAsyncDisposable?> TryAcquireAsync(string policy, string partition, int limit, TimeSpan lifetime)
    {
        RedisKey key = $"{_redis.KeyPrefix}concurrency:{policy}:{partition}";
        var id = Guid.NewGuid().ToString("N");
        IDatabase database;
        try
        {
            database = (await _redis.GetAsync()).GetDatabase();
            var taken = (long)await database.ScriptEvaluateAsync(AcquireScript, [key], [id, limit, (long)lifetime.TotalMilliseconds]);
            return taken == 1 ? new Lease(database, key, id, _logger) : null;
        }
        catch (RedisException ex)
        {
            RedisUnavailable(_logger, policy, ex);
            return NoLease.Instance;
        }
    }

    [LoggerMessage(2603, LogLevel.Warning, "Redis is unreachable: the concurrency limit {Policy} is not enforced for this call")]
    private static partial void RedisUnavailable(ILogger logger, string policy, Exception exception);

    [LoggerMessage(2604, LogLevel.Warning, "A concurrency lease could not be given back; it frees itself when it expires")]
    private static partial void NotReleased(ILogger logger, Exception exception);

    private sealed class Lease(IDatabase database, RedisKey key, string id, ILogger logger) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await database.SortedSetRemoveAsync(key, id);
            }
            catch (RedisException ex)
            {
                NotReleased(logger, ex);
            }
        }
    }

    private sealed class NoLease : IAsyncDisposable
    {
        public static readonly NoLease Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
