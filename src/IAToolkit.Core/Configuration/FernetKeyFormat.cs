namespace IAToolkit.Configuration;

/// <summary>Recognizes a Fernet key: 32 bytes in URL-safe base64, as the Python <c>cryptography</c> package makes them.</summary>
internal static class FernetKeyFormat
{
    public static bool IsValid(string key) => TryDecode(key, out _);

    public static bool TryDecode(string key, out byte[] bytes)
    {
        bytes = [];
        var text = key.Trim().Replace('-', '+').Replace('_', '/');
        if (text.Length % 4 != 0)
        {
            text = text.PadRight(text.Length + (4 - (text.Length % 4)), '=');
        }

        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, buffer, out var written) || written != 32)
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }
}
