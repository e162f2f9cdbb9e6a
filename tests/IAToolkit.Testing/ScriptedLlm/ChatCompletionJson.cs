using System.Text.Json;

namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>Writes chat completions as OpenAI does: one <c>chat.completion</c> object, or the <c>chat.completion.chunk</c>s of a stream.</summary>
internal static class ChatCompletionJson
{
    private const int ArgumentPieceLength = 8;

    public static byte[] Completion(ScriptedAnswer answer) => JsonBytes.Write(writer =>
    {
        WriteHeader(writer, answer, "chat.completion");
        writer.WriteStartArray("choices");
        writer.WriteStartObject();
        writer.WriteNumber("index", 0);
        writer.WriteStartObject("message");
        writer.WriteString("role", "assistant");
        writer.WriteString("content", answer.Content);
        writer.WriteNull("refusal");
        if (answer.ToolCalls.Count > 0)
        {
            writer.WriteStartArray("tool_calls");
            foreach (var call in answer.ToolCalls)
            {
                writer.WriteStartObject();
                writer.WriteString("id", call.Id);
                writer.WriteString("type", "function");
                writer.WriteStartObject("function");
                writer.WriteString("name", call.Name);
                writer.WriteString("arguments", call.ArgumentsJson);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteNull("logprobs");
        writer.WriteString("finish_reason", answer.FinishReason);
        writer.WriteEndObject();
        writer.WriteEndArray();
        WriteUsage(writer, answer);
        writer.WriteEndObject();
    });

    /// <summary>
    /// The chunks of a stream: the role, the text in several deltas (or each call's id and name, then its arguments in
    /// pieces), the finish reason, and, when asked for, a last chunk with no choices and the usage.
    /// </summary>
    public static IEnumerable<byte[]> Chunks(ScriptedAnswer answer, bool includeUsage)
    {
        if (answer.ToolCalls.Count == 0)
        {
            yield return Chunk(answer, includeUsage, delta => { delta.WriteString("role", "assistant"); delta.WriteString("content", string.Empty); });
            foreach (var piece in TextPieces(answer.Content ?? string.Empty))
            {
                yield return Chunk(answer, includeUsage, delta => delta.WriteString("content", piece));
            }
        }

        for (var index = 0; index < answer.ToolCalls.Count; index++)
        {
            var call = answer.ToolCalls[index];
            var first = index == 0;
            var callIndex = index;
            yield return Chunk(answer, includeUsage, delta =>
            {
                if (first)
                {
                    delta.WriteString("role", "assistant");
                    delta.WriteNull("content");
                }

                WriteToolCallDelta(delta, callIndex, call.Id, call.Name, string.Empty);
            });
            foreach (var piece in call.ArgumentsJson.Chunk(ArgumentPieceLength).Select(c => new string(c)))
            {
                yield return Chunk(answer, includeUsage, delta => WriteToolCallDelta(delta, callIndex, null, null, piece));
            }
        }

        yield return Chunk(answer, includeUsage, _ => { }, answer.FinishReason);
        if (includeUsage)
        {
            yield return JsonBytes.Write(writer =>
            {
                WriteHeader(writer, answer, "chat.completion.chunk");
                writer.WriteStartArray("choices");
                writer.WriteEndArray();
                WriteUsage(writer, answer);
                writer.WriteEndObject();
            });
        }
    }

    /// <summary>Word by word, each piece keeping the spaces after it, so the deltas join back to the text.</summary>
    private static IEnumerable<string> TextPieces(string text)
    {
        var start = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i - 1]) && !char.IsWhiteSpace(text[i]))
            {
                yield return text[start..i];
                start = i;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static byte[] Chunk(ScriptedAnswer answer, bool includeUsage, Action<Utf8JsonWriter> writeDelta, string? finishReason = null) => JsonBytes.Write(writer =>
    {
        WriteHeader(writer, answer, "chat.completion.chunk");
        writer.WriteStartArray("choices");
        writer.WriteStartObject();
        writer.WriteNumber("index", 0);
        writer.WriteStartObject("delta");
        writeDelta(writer);
        writer.WriteEndObject();
        writer.WriteNull("logprobs");
        writer.WriteString("finish_reason", finishReason);
        writer.WriteEndObject();
        writer.WriteEndArray();
        if (includeUsage)
        {
            writer.WriteNull("usage");
        }

        writer.WriteEndObject();
    });

    private static void WriteToolCallDelta(Utf8JsonWriter writer, int index, string? id, string? name, string arguments)
    {
        writer.WriteStartArray("tool_calls");
        writer.WriteStartObject();
        writer.WriteNumber("index", index);
        if (id is not null)
        {
            writer.WriteString("id", id);
            writer.WriteString("type", "function");
        }

        writer.WriteStartObject("function");
        if (name is not null)
        {
            writer.WriteString("name", name);
        }

        writer.WriteString("arguments", arguments);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteHeader(Utf8JsonWriter writer, ScriptedAnswer answer, string objectType)
    {
        writer.WriteStartObject();
        writer.WriteString("id", answer.CompletionId);
        writer.WriteString("object", objectType);
        writer.WriteNumber("created", answer.Created);
        writer.WriteString("model", answer.Model);
        writer.WriteString("system_fingerprint", "fp_scripted");
    }

    private static void WriteUsage(Utf8JsonWriter writer, ScriptedAnswer answer)
    {
        writer.WriteStartObject("usage");
        writer.WriteNumber("prompt_tokens", answer.PromptTokens);
        writer.WriteNumber("completion_tokens", answer.CompletionTokens);
        writer.WriteNumber("total_tokens", answer.PromptTokens + answer.CompletionTokens);
        writer.WriteEndObject();
    }
}
