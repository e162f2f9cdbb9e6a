using IAToolkit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IAToolkit.Redis;

/// <summary>The shared Redis connection and the per-company limits kept in it (<c>IAToolkit:Limits</c>).</summary>
internal static class RedisServiceCollectionExtensions
{
    public static IServiceCollection AddRedis(this IServiceCollection services)
    {
        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<RedisRateLimiter>();
        services.TryAddSingleton<RedisSlidingWindowLimiter>();
        services.TryAddSingleton<RedisConcurrencyLimiter>();
        services.AddValidatedOptions<LimitsOptions, LimitsOptionsValidator>(LimitsOptions.SectionName);
        return services;
    }
}
