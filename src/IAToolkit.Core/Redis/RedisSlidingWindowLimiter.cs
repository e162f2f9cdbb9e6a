using System.Globalization;
using StackExchange.Redis;

namespace IAToolkit.Redis;

/// <summary>
/// Sliding-window quotas in Redis, shared by every host: an action is allowed when every quota it counts against has
/// had fewer than its limit of actions in the last window, and then it is counted against all of them at once. A
/// fixed window (<see cref="RedisRateLimiter"/>) would let twice the limit through around a window boundary; for
/// actions that leave the building (mail) the window slides. One Lua script checks and counts atomically, on Redis's
/// clock, so two hosts racing cannot both take the last slot.
/// </summary>
internal sealed class RedisSlidingWindowLimiter
{
    // KEYS: the quotas; ARGV[1]: the window in ms; ARGV[2..n+1]: their limits; ARGV[n+2]: a unique id for this action.
    // Returns {0, 0} when counted, else {milliseconds until every quota has room again, the 1-based quota that waits longest}.
    private const string Script = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local window = tonumber(ARGV[1])
        local wait = 0
        local worst = 0
        for i, key in ipairs(KEYS) do
          redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
          local limit = tonumber(ARGV[i + 1])
          local count = redis.call('ZCARD', key)
          if count >= limit then
            local index = count - limit
            local entry = redis.call('ZRANGE', key, index, index, 'WITHSCORES')
            local free = tonumber(entry[2]) + window - now
            if free < 1 then free = 1 end
            if free > wait then
              wait = free
              worst = i
            end
          end
        end
        if wait > 0 then return {wait, worst} end
        for i, key in ipairs(KEYS) do
          redis.call('ZADD', key, now, ARGV[#KEYS + 2])
          redis.call('PEXPIRE', key, window)
        end
        return {0, 0}
        """;

    private readonly RedisConnection _redis;

    public RedisSlidingWindowLimiter(RedisConnection redis) => _redis = redis;

    /// <summary>
    /// Counts one action against every quota when all have room; otherwise returns how long to wait and which quota
    /// (an index into <paramref name="quotas"/>) is the one that waits longest (nothing is counted then). Throws <see cref="RedisException"/> when Redis cannot be reached: the caller decides whether
    /// to fail open or closed.
    /// </summary>
    /// <param name="policy">Names the family of quotas, e.g. <c>mailtool</c>.</param>
    /// <param name="quotas">Each quota's partition (e.g. <c>company:acme</c>) and limit (at least 1).</param>
    /// <param name="window">The sliding window.</param>
    public async Task<(TimeSpan RetryAfter, int Quota)?> TryAcquireAsync(string policy, IReadOnlyList<(string Partition, int Limit)> quotas, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quotas.Count, 1);
        var keys = quotas.Select(q => (RedisKey)$"{_redis.KeyPrefix}quota:{policy}:{q.Partition}").ToArray();
        var arguments = new List<RedisValue> { (long)window.TotalMilliseconds };
        arguments.AddRange(quotas.Select(q => (RedisValue)Math.Max(1, q.Limit)));
        arguments.Add(Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        var database = (await _redis.GetAsync()).GetDatabase();
        var result = (RedisResult[])(await database.ScriptEvaluateAsync(Script, keys, [.. arguments]))!;
        var wait = (long)result[0];
        return wait == 0 ? null : (TimeSpan.FromMilliseconds(wait), (int)(long)result[1] - 1);
    }
}
