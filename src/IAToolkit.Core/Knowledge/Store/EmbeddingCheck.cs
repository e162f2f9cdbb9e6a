using System.Globalization;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;

namespace IAToolkit.Knowledge.Store;

/// <summary>Refuses dimensions and vectors that the store could not index or that PostgreSQL would refuse less clearly.</summary>
internal static class EmbeddingCheck
{
    /// <summary>The largest dimension an HNSW index on pgvector's <c>vector</c> type accepts.</summary>
    public const int MaxDimensions = 2000;

    public static void Dimensions(int dimensions)
    {
        if (dimensions is < 1 or > MaxDimensions)
        {
            throw new IAToolkitException(
                ErrorCodes.InvalidEmbedding,
                string.Create(CultureInfo.InvariantCulture, $"Embeddings of {dimensions} dimensions cannot be indexed: the knowledge base takes 1 to {MaxDimensions} (choose a smaller output dimension for the embedding model)."));
        }
    }

    public static void Vector(float[] embedding, int dimensions, string what)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        if (embedding.Length != dimensions)
        {
            throw new IAToolkitException(
                ErrorCodes.InvalidEmbedding,
                string.Create(CultureInfo.InvariantCulture, $"The embedding of {what} has {embedding.Length} dimensions, not {dimensions}."));
        }

        foreach (var value in embedding)
        {
            if (!float.IsFinite(value))
            {
                throw new IAToolkitException(ErrorCodes.InvalidEmbedding, $"The embedding of {what} holds a value that is not a finite number.");
            }
        }
    }
}
