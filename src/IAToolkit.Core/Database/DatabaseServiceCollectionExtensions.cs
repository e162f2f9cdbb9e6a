using IAToolkit.Database.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IAToolkit.Database;

/// <summary>The core PostgreSQL database and its migrations (its settings come with <c>AddSettings</c>).</summary>
internal static class DatabaseServiceCollectionExtensions
{
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        services.TryAddSingleton<CoreDatabase>();
        services.TryAddSingleton<MigrationRunner>();
        return services;
    }
}
