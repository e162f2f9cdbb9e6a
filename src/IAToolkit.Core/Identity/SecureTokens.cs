using System.Security.Cryptography;

namespace IAToolkit.Identity;

/// <summary>Random, URL-safe tokens for links, and the hash under which they are stored.</summary>
internal static class SecureTokens
{
    /// <summary>32 random bytes in base64url: 43 characters, 256 bits.</summary>
    public static string Create() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>The SHA-256 of the token: what the database or Redis keeps.</summary>
    public static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    /// <summary>Whether the text could be a token this class made (checked before any lookup).</summary>
    public static bool IsWellFormed(string? token)
        => token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64UrlEncode(byte[] bytes)
        => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
