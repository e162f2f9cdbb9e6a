using IAToolkit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IAToolkit.Knowledge.Connectors;

/// <summary>Document connectors: the local folders and S3 buckets a company's document sources live in.</summary>
internal static class ConnectorsServiceCollectionExtensions
{
    public static IServiceCollection AddDocumentConnectors(this IServiceCollection services)
    {
        services.AddValidatedOptions<DocumentConnectorOptions, DocumentConnectorOptionsValidator>(DocumentConnectorOptions.SectionName);
        services.TryAddSingleton<S3ClientPool>();
        services.TryAddSingleton<DocumentConnectorFactory>();
        return services;
    }
}
