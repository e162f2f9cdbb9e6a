using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace IAToolkit.ApiKeys;

/// <summary>
/// A key's SHA-256 (<see cref="ApiKeyFormat.Hash"/>) as a value: what the per-host cache and the revocation messages
/// name a key by, so that neither ever holds the key. Computed without allocating, since every request computes one.
/// </summary>
internal readonly record struct ApiKeyDigest(ulong Part0, ulong Part1, ulong Part2, ulong Part3)
{
    private const int HexLength = SHA256.HashSizeInBytes * 2;

    /// <summary>The digest of a well-formed key (<see cref="ApiKeyFormat.IsWellFormed"/>).</summary>
    public static ApiKeyDigest Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNotEqual(key.Length, ApiKeyFormat.Length);
        Span<byte> ascii = stackalloc byte[ApiKeyFormat.Length];
        var length = Encoding.ASCII.GetBytes(key, ascii);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(ascii[..length], hash);
        return FromHash(hash);
    }

    /// <summary>The digest of a stored <c>key_hash</c>.</summary>
    public static ApiKeyDigest FromHash(ReadOnlySpan<byte> hash)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(hash.Length, SHA256.HashSizeInBytes);
        return new(
            BinaryPrimitives.ReadUInt64BigEndian(hash),
            BinaryPrimitives.ReadUInt64BigEndian(hash[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(hash[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(hash[24..]));
    }

    /// <summary>Reads <see cref="ToHex"/>'s form; <see langword="false"/> for anything else.</summary>
    public static bool TryParseHex(string? text, out ApiKeyDigest digest)
    {
        digest = default;
        if (text is null || text.Length != HexLength)
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        if (Convert.FromHexString(text, hash, out _, out var written) != System.Buffers.OperationStatus.Done || written != hash.Length)
        {
            return false;
        }

        digest = FromHash(hash);
        return true;
    }

    /// <summary>The 32 bytes, as the <c>key_hash</c> column holds them.</summary>
    public byte[] ToArray()
    {
        var hash = new byte[SHA256.HashSizeInBytes];
        BinaryPrimitives.WriteUInt64BigEndian(hash, Part0);
        BinaryPrimitives.WriteUInt64BigEndian(hash.AsSpan(8), Part1);
        BinaryPrimitives.WriteUInt64BigEndian(hash.AsSpan(16), Part2);
        BinaryPrimitives.WriteUInt64BigEndian(hash.AsSpan(24), Part3);
        return hash;
    }

    /// <summary>Lower-case hex: the revocation message.</summary>
    public string ToHex() => Convert.ToHexStringLower(ToArray());
}
