using System.Security.Cryptography;
using System.Text;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Core.Tests.Knowledge.Store;

/// <summary>Documents and vectors for the store tests: seeded random unit vectors and a few made by hand.</summary>
internal static class KnowledgeData
{
    public const int Dimensions = 384;

    private static readonly Dictionary<string, string> s_noMetadata = [];

    /// <summary>A random unit vector, the same for the same seed.</summary>
    public static float[] Unit(int seed, int dimensions = Dimensions)
    {
        var random = new Random(seed);
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            // Box-Muller: normal components make the direction uniform on the sphere.
            vector[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return Normalize(vector);
    }

    /// <summary>The unit vector along one axis.</summary>
    public static float[] Axis(int axis, int dimensions = Dimensions)
    {
        var vector = new float[dimensions];
        vector[axis] = 1;
        return vector;
    }

    /// <summary>A unit vector close to <paramref name="center"/> (cosine similarity about 1 / sqrt(1 + spread²)).</summary>
    public static float[] Near(float[] center, int seed, double spread = 0.3)
    {
        var noise = Unit(seed, center.Length);
        return Normalize([.. center.Select((c, i) => (float)(c + (spread * noise[i])))]);
    }

    public static ChunkToStore Chunk(int index, string text, float[] embedding, int page = 1) => new(index, page, text, embedding);

    public static DocumentToStore Document(
        string path, IReadOnlyList<ChunkToStore> chunks, string source = "manuals", IReadOnlyDictionary<string, string>? metadata = null, int pages = 3)
        => new(source, path, Path.GetFileName(path), Hash(path + string.Join('|', chunks.Select(c => c.Text))), metadata ?? s_noMetadata, pages, chunks);

    /// <summary>A document of <paramref name="count"/> chunks with random vectors and dull text.</summary>
    public static DocumentToStore Filler(string path, int count, int seed, int dimensions = Dimensions, IReadOnlyDictionary<string, string>? metadata = null)
        => Document(path, [.. Enumerable.Range(0, count).Select(i => Chunk(i, $"Routine paragraph {i} of {path} about ordinary office matters.", Unit(seed + i, dimensions), 1 + (i / 10)))], metadata: metadata);

    /// <summary>
    /// <paramref name="count"/> chunks close to <paramref name="center"/>, from <paramref name="firstIndex"/> on: enough
    /// of them fill the vector candidate list, so a chunk far from the center can only be found by its words.
    /// </summary>
    public static IEnumerable<ChunkToStore> Crowd(float[] center, int count, int firstIndex = 0, int seed = 5000)
        => Enumerable.Range(firstIndex, count).Select(i => Chunk(i, $"Filler paragraph number {i}.", Near(center, seed + i)));

    public static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    private static float[] Normalize(float[] vector)
    {
        var norm = Math.Sqrt(vector.Sum(v => (double)v * v));
        return [.. vector.Select(v => (float)(v / norm))];
    }
}
