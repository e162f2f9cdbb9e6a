using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.AspNet.Health;

/// <summary>The readiness checks behind <c>/health/ready</c>: the core database, Redis and every company's SQL sources.</summary>
internal static class HealthServiceCollectionExtensions
{
    public static IServiceCollection AddIAToolkitHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<SqlSourcesHealthCheck>("sql_sources", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
