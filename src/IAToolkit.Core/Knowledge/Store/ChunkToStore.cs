using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;

namespace IAToolkit.Knowledge.Store;

/// <summary>One chunk of a document, embedded, ready to be stored.</summary>
/// <param name="Index">Its position in the document, from 0; unique within the document.</param>
/// <param name="Page">The page it starts on (1-based; 0 when the format has no pages).</param>
/// <param name="Text">The chunk's text, as search results quote it.</param>
/// <param name="Embedding">The text's embedding; its length is the company's dimension.</param>
internal sealed record ChunkToStore(int Index, int Page, string Text, float[] Embedding);
