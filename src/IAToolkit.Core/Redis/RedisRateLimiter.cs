using StackExchange.Redis;

namespace IAToolkit.Redis;

/// <summary>
/// Fixed-window counters in Redis, shared by every host: at most <c>limit</c> hits per window per partition
/// (client address, API key, …). When Redis is unreachable the request is let through: losing Redis must not lock
/// everyone out.
/// </summary>
internal sealed class RedisRateLimiter
{
    private readonly RedisConnection _redis;

    public RedisRateLimiter(RedisConnection redis) => _redis = redis;

    /// <summary>Counts one hit; returns how long to wait when over the limit, or <see langword="null"/> when allowed.</summary>
    public async Task<TimeSpan?> HitAsync(string policy, string partition, int limit, TimeSpan window)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var seconds = (long)window.TotalSeconds;
        var slot = now / seconds;
        RedisKey key = $"{_redis.KeyPrefix}ratelimit:{policy}:{partition}:{slot}";
        try
        {
            var database = (await _redis.GetAsync()).GetDatabase();
            var count = await database.StringIncrementAsync(key);
            if (count == 1)
            {
                await database.KeyExpireAsync(key, window + TimeSpan.FromSeconds(1));
            }

            return count <= limit ? null : TimeSpan.FromSeconds(((slot + 1) * seconds) - now);
        }
        catch (RedisException)
        {
            return null;
        }
    }
}
