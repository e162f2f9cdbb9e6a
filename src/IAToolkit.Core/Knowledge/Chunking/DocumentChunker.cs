using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Options;

namespace IAToolkit.Knowledge.Chunking;

/// <summary>
/// Cuts a parsed document into overlapping, token-limited chunks, page by page: a chunk never spans two pages, so
/// each keeps the page its citation shows, and a short page stays a short chunk. The same document always gives the
/// same chunks. Thread-safe: one instance serves the whole host.
/// </summary>
internal sealed class DocumentChunker
{
    private readonly ChunkingOptions _options;

    public DocumentChunker(IOptions<ChunkingOptions> options)
    {
        _options = options.Value;
        var validation = new ChunkingOptionsValidator().Validate(null, _options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(ChunkingOptions.SectionName, typeof(ChunkingOptions), validation.Failures);
        }
    }

    /// <summary>The document's chunks, indexed 0, 1, 2… in page order; pages without text give none.</summary>
    public IReadOnlyList<DocumentChunk> Chunk(ParsedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokenizer = ChunkTokenizer.Instance;
        var chunker = new PageChunker(tokenizer, _options.MaxTokens, _options.OverlapTokens);
        var chunks = new List<DocumentChunk>();
        foreach (var page in document.Pages)
        {
            var words = PageWords.Read(page.Text, tokenizer, _options.MaxTokens);
            foreach (var (text, tokens) in chunker.Cut(words))
            {
                chunks.Add(new DocumentChunk(chunks.Count, text, page.Number, tokens));
            }
        }

        return chunks;
    }
}
