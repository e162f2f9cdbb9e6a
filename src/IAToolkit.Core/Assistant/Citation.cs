using System.Text.Json.Serialization;

namespace IAToolkit.Assistant;

/// <summary>A document passage an answer used: the document's file name and its page (none for formats without pages).</summary>
internal sealed record Citation(
    [property: JsonPropertyName("document")] string Document,
    [property: JsonPropertyName("page")] int? Page);
