using System.Collections.ObjectModel;
using System.Text.Json;

namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>A request the <see cref="ScriptedLlmServer"/> received, with the JSON body and the parts tests look at.</summary>
public sealed class RecordedRequest
{
    internal RecordedRequest(int number, RecordedRequestKind kind, string method, string path, string query, string? authorization, string? apiKey, string? deployment, JsonElement body)
    {
        Number = number;
        Kind = kind;
        Method = method;
        Path = path;
        Query = query;
        Authorization = authorization;
        ApiKey = apiKey;
        Deployment = deployment;
        Body = body;
        Messages = ReadMessages(body);
        Tools = ReadTools(body);
        Inputs = ReadInputs(body);
        var characters = Messages.Sum(m => (m.Content?.Length ?? 0) + m.ToolCalls.Sum(c => c.Name.Length + c.ArgumentsJson.Length))
            + Inputs.Sum(i => i.Length);
        EstimatedPromptTokens = TokenEstimate.FromCharacters(characters);
    }

    /// <summary>The request's place in arrival order, from 1.</summary>
    public int Number { get; }

    /// <summary>Chat completion, embeddings, or a path the server does not serve.</summary>
    public RecordedRequestKind Kind { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path, such as <c>/v1/chat/completions</c> or <c>/openai/deployments/chat/chat/completions</c>.</summary>
    public string Path { get; }

    /// <summary>The query string with its <c>?</c> (Azure sends <c>?api-version=…</c>), or empty.</summary>
    public string Query { get; }

    /// <summary>The <c>Authorization</c> header (OpenAI clients send <c>Bearer &lt;key&gt;</c>), or null.</summary>
    public string? Authorization { get; }

    /// <summary>The <c>api-key</c> header (Azure OpenAI clients send it), or null.</summary>
    public string? ApiKey { get; }

    /// <summary>The Azure deployment named in the path, or null on the OpenAI paths.</summary>
    public string? Deployment { get; }

    /// <summary>The JSON body as sent; an empty object when the request had none.</summary>
    public JsonElement Body { get; }

    /// <summary>The body's <c>model</c>, else the Azure deployment, else null.</summary>
    public string? Model => StringProperty(Body, "model") ?? Deployment;

    /// <summary>True when the body asks for a streamed (SSE) answer.</summary>
    public bool Stream => TryGet(Body, "stream", out var stream) && stream.ValueKind == JsonValueKind.True;

    /// <summary>True when the body asks for a usage chunk at the end of the stream (<c>stream_options.include_usage</c>).</summary>
    public bool IncludeUsage => TryGet(Body, "stream_options", out var options)
        && TryGet(options, "include_usage", out var include)
        && include.ValueKind == JsonValueKind.True;

    /// <summary>The chat messages in order, tool messages and assistant tool calls included; empty for other requests.</summary>
    public IReadOnlyList<RecordedMessage> Messages { get; }

    /// <summary>The names of the functions offered in <c>tools</c>; empty when none.</summary>
    public IReadOnlyList<string> Tools { get; }

    /// <summary>The texts to embed; a token array appears as its JSON text. Empty for chat requests.</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>The embeddings request's <c>dimensions</c>, or null.</summary>
    public int? Dimensions => TryGet(Body, "dimensions", out var d) && d.ValueKind == JsonValueKind.Number && d.TryGetInt32(out var value) ? value : null;

    /// <summary>
    /// The prompt_tokens the server reports unless the script gives a number: the characters of every message's text and
    /// tool calls (or of every embeddings input) / 4, rounded up. Deterministic, so tests can compare prompt sizes.
    /// </summary>
    public int EstimatedPromptTokens { get; }

    /// <summary>The body's <c>encoding_format</c>; the .NET OpenAI client asks for <c>base64</c>.</summary>
    internal string? EncodingFormat => StringProperty(Body, "encoding_format");

    /// <summary>A short form for assertion messages.</summary>
    public override string ToString() => $"#{Number} {Method} {Path}{Query}";

    private static ReadOnlyCollection<RecordedMessage> ReadMessages(JsonElement body)
    {
        if (!TryGet(body, "messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return ReadOnlyCollection<RecordedMessage>.Empty;
        }

        return messages.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.Object).Select(ReadMessage).ToList().AsReadOnly();
    }

    private static RecordedMessage ReadMessage(JsonElement message)
    {
        // Lists rather than arrays throughout, so NUnit's Has.Count works on every collection here.
        List<RecordedToolCall> calls = [];
        if (TryGet(message, "tool_calls", out var toolCalls) && toolCalls.ValueKind == JsonValueKind.Array)
        {
            foreach (var call in toolCalls.EnumerateArray())
            {
                var function = TryGet(call, "function", out var f) ? f : default;
                calls.Add(new RecordedToolCall(
                    StringProperty(call, "id") ?? string.Empty,
                    StringProperty(function, "name") ?? string.Empty,
                    StringProperty(function, "arguments") ?? string.Empty));
            }
        }

        return new RecordedMessage(
            StringProperty(message, "role") ?? string.Empty,
            ReadContent(message),
            StringProperty(message, "tool_call_id"),
            calls);
    }

    private static string? ReadContent(JsonElement message)
    {
        if (!TryGet(message, "content", out var content))
        {
            return null;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString();
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        // Content parts: only the text ones count; M.E.AI joins a message's texts without a separator too.
        var texts = content.EnumerateArray().Select(part => StringProperty(part, "text")).OfType<string>().ToList();
        return texts.Count == 0 ? null : string.Concat(texts);
    }

    private static ReadOnlyCollection<string> ReadTools(JsonElement body)
    {
        if (!TryGet(body, "tools", out var tools) || tools.ValueKind != JsonValueKind.Array)
        {
            return ReadOnlyCollection<string>.Empty;
        }

        return tools.EnumerateArray()
            .Select(tool => TryGet(tool, "function", out var function) ? StringProperty(function, "name") : null)
            .OfType<string>()
            .ToList()
            .AsReadOnly();
    }

    private static ReadOnlyCollection<string> ReadInputs(JsonElement body)
    {
        if (!TryGet(body, "input", out var input))
        {
            return ReadOnlyCollection<string>.Empty;
        }

        List<string> inputs = input.ValueKind switch
        {
            JsonValueKind.String => [input.GetString()!],
            JsonValueKind.Array when input.EnumerateArray().All(i => i.ValueKind == JsonValueKind.Number) => [input.GetRawText()],
            JsonValueKind.Array => [.. input.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText())],
            _ => [],
        };
        return inputs.AsReadOnly();
    }

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value);
    }

    private static string? StringProperty(JsonElement element, string name)
        => TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
