using System.Security.Cryptography;
using System.Text;

namespace IAToolkit.ApiKeys;

/// <summary>
/// What an API key looks like: <c>iat_</c> followed by 40 letters and digits drawn uniformly from a CSPRNG
/// (about 238 bits). The first <see cref="PrefixLength"/> characters name the key in listings.
/// </summary>
internal static class ApiKeyFormat
{
    public const string Marker = "iat_";

    public const int RandomLength = 40;

    public const int Length = 44;

    /// <summary><c>iat_</c> plus 8 random characters: enough to tell a company's keys apart, far too few to guess the rest.</summary>
    public const int PrefixLength = 12;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A new key. <see cref="RandomNumberGenerator.GetString"/> picks each character without modulo bias.</summary>
    public static string Generate() => Marker + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    /// <summary>Whether <paramref name="key"/> could be a key at all; anything else is refused without a query.</summary>
    public static bool IsWellFormed(string? key)
    {
        if (key is null || key.Length != Length || !key.StartsWith(Marker, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in key.AsSpan(Marker.Length))
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The SHA-256 of the whole key. A fast hash is right here: the key is long and random, so there is nothing to
    /// brute-force, and lookup stays one indexed equality.
    /// </summary>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.ASCII.GetBytes(key));

    public static string PrefixOf(string key) => key[..PrefixLength];

    /// <summary>Whether <paramref name="value"/> has the shape of a prefix as listings show it.</summary>
    public static bool IsPrefix(string value)
        => value.Length == PrefixLength && IsWellFormed(value + new string('0', Length - PrefixLength));
}
