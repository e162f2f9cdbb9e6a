using System.Text.Json;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;

namespace IAToolkit.Knowledge.Store;

/// <summary>Document metadata as the <c>jsonb</c> object stored with documents and chunks: string keys, string values.</summary>
internal static class MetadataJson
{
    private static readonly IReadOnlyDictionary<string, string> s_empty = new Dictionary<string, string>();

    public static string Write(IReadOnlyDictionary<string, string>? metadata)
        => metadata is null || metadata.Count == 0 ? "{}" : JsonSerializer.Serialize(metadata);

    /// <summary>Reads an object back; a value that is not a string (written by hand) comes back as its JSON text.</summary>
    public static IReadOnlyDictionary<string, string> Read(string? json)
    {
        if (string.IsNullOrEmpty(json) || json == "{}")
        {
            return s_empty;
        }

        using var document = JsonDocument.Parse(json);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            metadata[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }

        return metadata;
    }
}
