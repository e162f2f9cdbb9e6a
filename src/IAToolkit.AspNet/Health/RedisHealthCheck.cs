using IAToolkit.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace IAToolkit.AspNet.Health;

/// <summary>Healthy when Redis answers a PING within a few seconds.</summary>
internal sealed class RedisHealthCheck : IHealthCheck
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(3);
    private readonly RedisConnection _redis;

    public RedisHealthCheck(RedisConnection redis) => _redis = redis;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var multiplexer = await _redis.GetAsync().WaitAsync(s_timeout, cancellationToken);
            await multiplexer.GetDatabase().PingAsync().WaitAsync(s_timeout, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Redis at {_redis.Endpoint} did not answer within {s_timeout.TotalSeconds:0} s.");
        }
        catch (RedisException ex)
        {
            return HealthCheckResult.Unhealthy($"Redis at {_redis.Endpoint} is unavailable: {ex.Message}");
        }
    }
}
