using System.Text.Json;

namespace IAToolkit.Assistant;

/// <summary>
/// Reads the model's final text: usually Markdown, which is the answer as it is; or, when a prompt asked for it,
/// JSON <c>{"answer": "...", "additional_data": {...}}</c> (also in a ```json fence, and with the Python project's
/// spelling <c>aditional_data</c>), whose parts are taken apart.
/// </summary>
internal static class AnswerDecoder
{
    public static DecodedAnswer Decode(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            var firstLine = trimmed.IndexOf('\n', StringComparison.Ordinal);
            var closing = trimmed.LastIndexOf("```", StringComparison.Ordinal);
            if (firstLine > 0 && closing > firstLine)
            {
                trimmed = trimmed[(firstLine + 1)..closing].Trim();
            }
        }

        if (!trimmed.StartsWith('{'))
        {
            return new DecodedAnswer(text.Trim(), null);
        }

        try
        {
            using var document = JsonDocument.Parse(trimmed);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("answer", out var answer))
            {
                return new DecodedAnswer(text.Trim(), null);
            }

            JsonElement? additional = root.TryGetProperty("additional_data", out var data) || root.TryGetProperty("aditional_data", out data) ? data.Clone() : null;
            var answerText = answer.ValueKind == JsonValueKind.String ? answer.GetString() ?? string.Empty : answer.GetRawText();
            return new DecodedAnswer(answerText, additional);
        }
        catch (JsonException)
        {
            return new DecodedAnswer(text.Trim(), null);
        }
    }
}

/// <summary>The answer text and, when the model gave it, the structured data beside it.</summary>
/// <param name="Answer">The answer (Markdown).</param>
/// <param name="AdditionalData">The model's <c>additional_data</c>.</param>
internal sealed record DecodedAnswer(string Answer, JsonElement? AdditionalData);
