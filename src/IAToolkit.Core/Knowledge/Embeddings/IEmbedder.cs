using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Embeddings;

/// <summary>One embedding model as the service uses it: the in-process MiniLM or a company's OpenAI/Azure model.</summary>
internal interface IEmbedder
{
    /// <summary>The model and its vector size.</summary>
    EmbeddingModel Describe();

    /// <summary>One unit-length vector per text, in the order of <paramref name="texts"/>.</summary>
    Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
