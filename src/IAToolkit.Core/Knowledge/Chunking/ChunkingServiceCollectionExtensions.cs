using IAToolkit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IAToolkit.Knowledge.Chunking;

/// <summary>Chunking: page texts to token-limited, overlapping chunks.</summary>
internal static class ChunkingServiceCollectionExtensions
{
    public static IServiceCollection AddDocumentChunking(this IServiceCollection services)
    {
        services.AddValidatedOptions<ChunkingOptions, ChunkingOptionsValidator>(ChunkingOptions.SectionName);
        services.TryAddSingleton<DocumentChunker>();
        return services;
    }
}
