using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;

namespace IAToolkit.Knowledge.Store;

/// <summary>A parsed, chunked and embedded document, ready to replace what is stored under its source and path.</summary>
/// <param name="Source">The document source (a key of <c>knowledge_base.document_sources</c>).</param>
/// <param name="Path">Its path within the source; a second save with the same source and path replaces the first.</param>
/// <param name="FileName">The file name shown in citations.</param>
/// <param name="ContentHash">The SHA-256 of the file's bytes (32 bytes).</param>
/// <param name="Metadata">The source's metadata (<c>document_sources.&lt;name&gt;.metadata</c>); search filters match on it.</param>
/// <param name="Pages">How many pages the document has (0 when the format has none).</param>
/// <param name="Chunks">Its chunks, each with its embedding.</param>
internal sealed record DocumentToStore(
    string Source,
    string Path,
    string FileName,
    byte[] ContentHash,
    IReadOnlyDictionary<string, string> Metadata,
    int Pages,
    IReadOnlyList<ChunkToStore> Chunks);
