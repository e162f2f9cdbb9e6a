using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>
/// Deterministic embeddings: a unit vector whose components come from SHA-256 of the text and a block counter, so the
/// same text always gets the same vector, on every machine, and different texts get unrelated ones.
/// </summary>
internal static class EmbeddingVectors
{
    public static int DimensionsFor(string? model, int? requested) => requested ?? model switch
    {
        "text-embedding-3-small" or "text-embedding-ada-002" => 1536,
        "text-embedding-3-large" => 3072,
        _ => 384,
    };

    public static float[] For(string input, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        var text = Encoding.UTF8.GetBytes(input);
        var seeded = new byte[text.Length + sizeof(int)];
        text.CopyTo(seeded, 0);
        var vector = new float[dimensions];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        for (var block = 0; block * 8 < dimensions; block++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(seeded.AsSpan(text.Length), block);
            SHA256.HashData(seeded, hash);
            for (var i = 0; i < 8 && block * 8 + i < dimensions; i++)
            {
                var bits = BinaryPrimitives.ReadUInt32LittleEndian(hash[(i * 4)..]);
                vector[block * 8 + i] = (float)(bits / (double)uint.MaxValue * 2 - 1);
            }
        }

        var length = MathF.Sqrt(vector.Sum(v => v * v));
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= length;
        }

        return vector;
    }
}
