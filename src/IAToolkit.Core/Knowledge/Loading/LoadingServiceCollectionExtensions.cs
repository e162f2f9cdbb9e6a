using IAToolkit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IAToolkit.Knowledge.Loading;

/// <summary>
/// Loading the knowledge base: a company's sources, single uploads, and the file store of one question (its limits
/// are in the same <c>IAToolkit:Knowledge</c> section). Parsing, chunking, embeddings and the store have their own.
/// </summary>
internal static class LoadingServiceCollectionExtensions
{
    public static IServiceCollection AddKnowledgeLoading(this IServiceCollection services)
    {
        services.AddValidatedOptions<KnowledgeOptions, KnowledgeOptionsValidator>(KnowledgeOptions.SectionName);
        services.TryAddSingleton<DocumentIngestion>();
        services.TryAddSingleton<KnowledgeLoader>();
        services.TryAddSingleton<DocumentUpload>();
        services.TryAddSingleton<FileStore>();
        return services;
    }
}
