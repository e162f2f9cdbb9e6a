using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Embeddings;

/// <summary>Scales vectors to length 1, so that cosine similarity is a dot product and pgvector's cosine ops agree.</summary>
internal static class UnitVectors
{
    // float32 sums of a few thousand squares are accurate to about 1e-6; anything further off was not normalized.
    private const double Tolerance = 1e-4;

    /// <summary>Normalizes <paramref name="vector"/> in place unless it already has length 1; false when it cannot (zero, NaN or infinite).</summary>
    public static bool TryNormalize(float[] vector)
    {
        double squares = 0;
        foreach (var component in vector)
        {
            squares += (double)component * component;
        }

        var length = Math.Sqrt(squares);
        if (length == 0 || !double.IsFinite(length))
        {
            return false;
        }

        if (Math.Abs(length - 1) > Tolerance)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] = (float)(vector[i] / length);
            }
        }

        return true;
    }
}
