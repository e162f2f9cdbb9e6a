using System.Text.Json;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>One entry of <c>knowledge_base.document_sources</c>.</summary>
internal sealed record DocumentSource
{
    /// <summary>The source's name (its key), e.g. <c>supplier_manuals</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>path</c>: the folder (local) or key prefix (S3) the documents are read from.</summary>
    public required string Path { get; init; }

    /// <summary><c>metadata</c>: stored on every document of the source; each value a JSON string, number, boolean or null.</summary>
    public IReadOnlyDictionary<string, JsonElement> Metadata { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>
    /// <c>collection</c> (IAToolkit 2.x): one of <c>knowledge_base.collections</c>. Its documents carry it as the
    /// <c>collection</c> metadata, and the document search can be narrowed to it.
    /// </summary>
    public string? Collection { get; init; }
}
