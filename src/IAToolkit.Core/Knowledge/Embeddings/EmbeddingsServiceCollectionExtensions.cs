using IAToolkit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IAToolkit.Knowledge.Embeddings;

/// <summary>
/// Embeddings: the in-process MiniLM (loaded once per process, on first use) and each company's OpenAI or Azure
/// embeddings client.
/// </summary>
internal static class EmbeddingsServiceCollectionExtensions
{
    public static IServiceCollection AddEmbeddings(this IServiceCollection services)
    {
        services.AddValidatedOptions<EmbeddingOptions, EmbeddingOptionsValidator>(EmbeddingOptions.SectionName);
        services.TryAddSingleton<MiniLmModel>();
        services.TryAddSingleton<EmbeddingService>();
        return services;
    }
}
