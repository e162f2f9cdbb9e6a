using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Chunking;

/// <summary>One searchable piece of a document, never larger than <see cref="ChunkingOptions.MaxTokens"/>.</summary>
/// <param name="Index">The chunk's position in the document, 0, 1, 2… across all pages.</param>
/// <param name="Text">The chunk's text, whitespace normalized (single spaces, <c>\n</c> lines, blank lines between paragraphs).</param>
/// <param name="Page">The page the chunk comes from (<see cref="ParsedPage.Number"/>); a chunk never spans two pages.</param>
/// <param name="TokenCount">The exact number of o200k_base tokens in <paramref name="Text"/>.</param>
internal sealed record DocumentChunk(int Index, string Text, int Page, int TokenCount);
