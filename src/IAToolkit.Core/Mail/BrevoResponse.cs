using System.Globalization;
using System.Net;
using System.Text.Json;

namespace IAToolkit.Mail;

/// <summary>Reads Brevo's answer: a 2xx with a <c>messageId</c> (or <c>messageIds</c>) is success; anything else is explained.</summary>
internal static class BrevoResponse
{
    private const int MaxEchoedLength = 300;

    /// <summary>The message id Brevo gave, or <see langword="null"/> when the answer is not a success.</summary>
    public static string? MessageId(HttpStatusCode status, string body)
    {
        if ((int)status is < 200 or > 299 || Parse(body) is not { } root)
        {
            return null;
        }

        if (root.TryGetProperty("messageId", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        return root.TryGetProperty("messageIds", out var ids) && ids.ValueKind == JsonValueKind.Array && ids.GetArrayLength() > 0
            ? string.Join(", ", ids.EnumerateArray().Select(i => i.ToString()))
            : null;
    }

    /// <summary>Why the answer is not a success, e.g. <c>Brevo answered HTTP 400 (Bad Request): invalid_parameter: …</c>.</summary>
    public static string Failure(HttpStatusCode status, string? reasonPhrase, string body)
    {
        var code = (int)status;
        var head = string.Create(CultureInfo.InvariantCulture, $"Brevo answered HTTP {code} ({reasonPhrase ?? status.ToString()})");
        if (code is >= 200 and <= 299)
        {
            return $"{head} without a messageId, so the message may not have been accepted.";
        }

        if (Parse(body) is { } root)
        {
            var errorCode = Text(root, "code");
            var message = Text(root, "message");
            if (message is not null)
            {
                return errorCode is null ? $"{head}: {message}" : $"{head}: {errorCode}: {message}";
            }
        }

        var text = string.Join(' ', body.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return text.Length == 0 ? $"{head} with no explanation." : $"{head}: {Shorten(text)}";
    }

    private static JsonElement? Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? Shorten(text)
            : null;

    private static string Shorten(string text) => text.Length <= MaxEchoedLength ? text : text[..MaxEchoedLength] + "…";
}
