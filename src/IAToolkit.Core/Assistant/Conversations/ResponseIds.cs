using System.Security.Cryptography;

namespace IAToolkit.Assistant.Conversations;

/// <summary>Response ids: <c>resp_</c> and 32 random base-62 characters (unguessable; a user can only continue their own).</summary>
internal static class ResponseIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Create() => "resp_" + RandomNumberGenerator.GetString(Alphabet, 32);

    public static bool IsWellFormed(string? id) => id is { Length: 37 } && id.StartsWith("resp_", StringComparison.Ordinal) && id[5..].All(char.IsAsciiLetterOrDigit);
}
