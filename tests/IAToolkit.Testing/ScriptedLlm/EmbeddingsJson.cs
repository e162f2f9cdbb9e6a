using System.Runtime.InteropServices;

namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>Writes OpenAI's embeddings response: one vector per input, as floats or as base64 when the client asks (the .NET client does).</summary>
internal static class EmbeddingsJson
{
    public static byte[] Write(RecordedRequest request)
    {
        var model = request.Model ?? "text-embedding-3-small";
        var dimensions = EmbeddingVectors.DimensionsFor(model, request.Dimensions);
        var base64 = request.EncodingFormat == "base64";
        return JsonBytes.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("object", "list");
            writer.WriteStartArray("data");
            for (var index = 0; index < request.Inputs.Count; index++)
            {
                var vector = EmbeddingVectors.For(request.Inputs[index], dimensions);
                writer.WriteStartObject();
                writer.WriteString("object", "embedding");
                writer.WriteNumber("index", index);
                if (base64)
                {
                    // float32s in memory order, which is little-endian on every machine .NET runs these tests on, as the client expects.
                    writer.WriteBase64String("embedding", MemoryMarshal.AsBytes(vector.AsSpan()));
                }
                else
                {
                    writer.WriteStartArray("embedding");
                    foreach (var component in vector)
                    {
                        writer.WriteNumberValue(component);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("model", model);
            writer.WriteStartObject("usage");
            writer.WriteNumber("prompt_tokens", request.EstimatedPromptTokens);
            writer.WriteNumber("total_tokens", request.EstimatedPromptTokens);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }
}
