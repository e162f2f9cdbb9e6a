using IAToolkit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IAToolkit.SqlSources;

/// <summary>SQL data sources: a pool per company database, the <c>iat_sql_query</c> engine, the schema text.</summary>
internal static class SqlSourcesServiceCollectionExtensions
{
    public static IServiceCollection AddSqlSources(this IServiceCollection services)
    {
        services.AddValidatedOptions<SqlToolOptions, SqlToolOptionsValidator>(SqlToolOptions.SectionName);
        services.TryAddSingleton<SqlSourceConnections>();
        services.TryAddSingleton(sp => new SqlQueryRunner(
            sp.GetRequiredService<SqlSourceConnections>(),
            sp.GetRequiredService<IOptions<SqlToolOptions>>(),
            sp.GetRequiredService<ILogger<SqlQueryRunner>>()));
        services.TryAddSingleton<SqlSchemaDescriber>();
        return services;
    }
}
