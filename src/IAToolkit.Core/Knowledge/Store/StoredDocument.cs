using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;

namespace IAToolkit.Knowledge.Store;

/// <summary>A document of a company's knowledge base as stored: what a loader compares with the source to skip unchanged files.</summary>
/// <param name="Id">The row id in <c>iat_documents</c>.</param>
/// <param name="Source">The document source it was loaded from (a key of <c>knowledge_base.document_sources</c>).</param>
/// <param name="Path">Its path within the source; unique per company and source.</param>
/// <param name="FileName">The file name shown in citations.</param>
/// <param name="ContentHash">The SHA-256 of the file's bytes when it was stored.</param>
/// <param name="ChunkCount">How many chunks it was stored as.</param>
/// <param name="UpdatedAt">When it was last stored.</param>
internal sealed record StoredDocument(long Id, string Source, string Path, string FileName, byte[] ContentHash, int ChunkCount, DateTimeOffset UpdatedAt);
