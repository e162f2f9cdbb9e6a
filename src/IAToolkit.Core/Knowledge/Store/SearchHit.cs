using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;

namespace IAToolkit.Knowledge.Store;

/// <summary>One chunk found by a knowledge base search, with what a citation needs.</summary>
/// <param name="ChunkId">The row id in <c>iat_chunks</c>.</param>
/// <param name="Source">The document source the document came from.</param>
/// <param name="Path">The document's path within the source.</param>
/// <param name="FileName">The document's file name.</param>
/// <param name="Page">The page the chunk starts on (0 when the format has no pages).</param>
/// <param name="Text">The chunk's text.</param>
/// <param name="Score">
/// The Reciprocal Rank Fusion score: the sum over the vector and the full-text rankings of 1 / (60 + rank). Higher is
/// better; at most 2 / 61 (first in both), 1 / 61 for first in one ranking only. Comparable within one search only.
/// </param>
/// <param name="Metadata">The document's metadata.</param>
internal sealed record SearchHit(long ChunkId, string Source, string Path, string FileName, int Page, string Text, double Score, IReadOnlyDictionary<string, string> Metadata);
