using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IAToolkit.Knowledge.Store;

/// <summary>
/// The knowledge store: documents and chunks in pgvector, each company's partial HNSW index, and the hybrid
/// (vector + full-text, RRF) search.
/// </summary>
internal static class StoreServiceCollectionExtensions
{
    public static IServiceCollection AddKnowledgeStore(this IServiceCollection services)
    {
        services.TryAddSingleton<CompanyVectorIndexes>();
        services.TryAddSingleton<KnowledgeStore>();
        services.TryAddSingleton<KnowledgeSearch>();
        return services;
    }
}
