using System.Buffers;
using System.Text;
using System.Text.Json;

namespace IAToolkit.Benchmarks.Overhead;

/// <summary>
/// The few answers of the zero-latency model, written once at start as the bytes OpenAI sends: a plain answer and one
/// call of <c>iat_sql_query</c>, each as a <c>chat.completion</c> and as a Server-Sent Events stream (with and without
/// the usage chunk). Nothing is built per request.
/// </summary>
internal sealed class ModelReplies
{
    /// <summary>The text of every final answer.</summary>
    public const string AnswerText = "There were 830 orders in total. This answer comes from the zero-latency benchmark model.";

    /// <summary>The SQL the tool round runs against the sample database: small, so the round measures the framework.</summary>
    public const string ToolQuery = "SELECT count(*) AS orders FROM orders";

    private const string Model = "gpt-4o-mini";
    private const string CallId = "call_overhead_1";
    private const int PromptTokens = 1200;
    private const int CompletionTokens = 24;

    private ModelReplies()
    {
    }

    public byte[] AnswerJson { get; private init; } = [];

    public byte[] ToolCallJson { get; private init; } = [];

    public byte[] AnswerStream { get; private init; } = [];

    public byte[] AnswerStreamWithUsage { get; private init; } = [];

    public byte[] ToolCallStream { get; private init; } = [];

    public byte[] ToolCallStreamWithUsage { get; private init; } = [];

    public static ModelReplies Create()
    {
        var arguments = JsonSerializer.Serialize(new { database = "sample_database", query = ToolQuery });
        return new ModelReplies
        {
            AnswerJson = Completion(AnswerText, null, "stop"),
            ToolCallJson = Completion(null, arguments, "tool_calls"),
            AnswerStream = Stream(AnswerText, null, "stop", includeUsage: false),
            AnswerStreamWithUsage = Stream(AnswerText, null, "stop", includeUsage: true),
            ToolCallStream = Stream(null, arguments, "tool_calls", includeUsage: false),
            ToolCallStreamWithUsage = Stream(null, arguments, "tool_calls", includeUsage: true),
        };
    }

    private static byte[] Completion(string? content, string? arguments, string finishReason) => Json(writer =>
    {
        Header(writer, "chat.completion");
        writer.WriteStartArray("choices");
        writer.WriteStartObject();
        writer.WriteNumber("index", 0);
        writer.WriteStartObject("message");
        writer.WriteString("role", "assistant");
        writer.WriteString("content", content);
        if (arguments is not null)
        {
            writer.WriteStartArray("tool_calls");
            writer.WriteStartObject();
            writer.WriteString("id", CallId);
            writer.WriteString("type", "function");
            writer.WriteStartObject("function");
            writer.WriteString("name", "iat_sql_query");
            writer.WriteString("arguments", arguments);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteString("finish_reason", finishReason);
        writer.WriteEndObject();
        writer.WriteEndArray();
        Usage(writer);
        writer.WriteEndObject();
    });

    /// <summary>The whole stream in one buffer: a zero-latency model has every chunk ready at once.</summary>
    private static byte[] Stream(string? content, string? arguments, string finishReason, bool includeUsage)
    {
        var events = new StringBuilder();
        void Event(byte[] json) => events.Append("data: ").Append(Encoding.UTF8.GetString(json)).Append("\n\n");

        Event(Chunk(includeUsage, delta =>
        {
            delta.WriteString("role", "assistant");
            if (arguments is null)
            {
                delta.WriteString("content", string.Empty);
                return;
            }

            delta.WriteNull("content");
            ToolCallDelta(delta, CallId, "iat_sql_query", string.Empty);
        }));
        if (content is not null)
        {
            // A few deltas, as a model streams words, so the host's loop over updates runs more than once.
            foreach (var piece in content.Split(' '))
            {
                Event(Chunk(includeUsage, delta => delta.WriteString("content", piece + " ")));
            }
        }

        if (arguments is not null)
        {
            Event(Chunk(includeUsage, delta => ToolCallDelta(delta, null, null, arguments)));
        }

        Event(Chunk(includeUsage, _ => { }, finishReason));
        if (includeUsage)
        {
            Event(Json(writer =>
            {
                Header(writer, "chat.completion.chunk");
                writer.WriteStartArray("choices");
                writer.WriteEndArray();
                Usage(writer);
                writer.WriteEndObject();
            }));
        }

        events.Append("data: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(events.ToString());
    }

    private static byte[] Chunk(bool includeUsage, Action<Utf8JsonWriter> writeDelta, string? finishReason = null) => Json(writer =>
    {
        Header(writer, "chat.completion.chunk");
        writer.WriteStartArray("choices");
        writer.WriteStartObject();
        writer.WriteNumber("index", 0);
        writer.WriteStartObject("delta");
        writeDelta(writer);
        writer.WriteEndObject();
        writer.WriteString("finish_reason", finishReason);
        writer.WriteEndObject();
        writer.WriteEndArray();
        if (includeUsage)
        {
            writer.WriteNull("usage");
        }

        writer.WriteEndObject();
    });

    private static void ToolCallDelta(Utf8JsonWriter writer, string? id, string? name, string arguments)
    {
        writer.WriteStartArray("tool_calls");
        writer.WriteStartObject();
        writer.WriteNumber("index", 0);
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

    private static void Header(Utf8JsonWriter writer, string objectType)
    {
        writer.WriteStartObject();
        writer.WriteString("id", "chatcmpl-overhead");
        writer.WriteString("object", objectType);
        writer.WriteNumber("created", 1_700_000_000);
        writer.WriteString("model", Model);
    }

    private static void Usage(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("usage");
        writer.WriteNumber("prompt_tokens", PromptTokens);
        writer.WriteNumber("completion_tokens", CompletionTokens);
        writer.WriteNumber("total_tokens", PromptTokens + CompletionTokens);
        writer.WriteEndObject();
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
