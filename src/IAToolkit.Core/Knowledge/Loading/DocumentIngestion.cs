using System.Diagnostics;
using IAToolkit.Companies;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Loading;

/// <summary>One document's way into the knowledge base: parse (within the budgets), chunk, embed, store (one transaction).</summary>
internal sealed class DocumentIngestion
{
    private readonly DocumentParser _parser;
    private readonly DocumentChunker _chunker;
    private readonly EmbeddingService _embeddings;
    private readonly KnowledgeStore _store;

    public DocumentIngestion(DocumentParser parser, DocumentChunker chunker, EmbeddingService embeddings, KnowledgeStore store)
    {
        _parser = parser;
        _chunker = chunker;
        _embeddings = embeddings;
        _store = store;
    }

    /// <summary>Parses, then indexes, as the loader does (it waits for a reading slot).</summary>
    public async Task<IngestionResult> IngestAsync(Company company, string source, string path, byte[] content, byte[] hash, CancellationToken cancellationToken)
    {
        var parsed = await ParseAsync(path, content, waitForSlot: true, cancellationToken);
        return await IndexAsync(company, source, path, parsed, hash, cancellationToken);
    }

    /// <summary>Whether a reader is registered for the file's extension.</summary>
    public bool IsSupported(string path) => _parser.IsSupported(path);

    /// <summary>The formats read, as a refusal lists them: <c>PDF, DOCX, XLSX, TXT, MD</c> and any a host added.</summary>
    public string SupportedTypes => _parser.SupportedTypes;

    /// <summary>Reads the document within the parsing budgets, in one of the host's reading slots.</summary>
    public Task<ParsedDocument> ParseAsync(string path, byte[] content, bool waitForSlot, CancellationToken cancellationToken)
        => _parser.ParseAsync(Path.GetFileName(path), content, waitForSlot, cancellationToken);

    /// <summary>Chunks, embeds and stores a parsed document (one transaction).</summary>
    public async Task<IngestionResult> IndexAsync(Company company, string source, string path, ParsedDocument parsed, byte[] hash, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        var chunks = _chunker.Chunk(parsed);
        if (chunks.Count == 0)
        {
            throw new IAToolkitException(ErrorCodes.DocumentUnreadable, $"{fileName}: no text to index");
        }

        var model = _embeddings.Describe(company);
        var watch = Stopwatch.StartNew();
        var vectors = await _embeddings.EmbedAsync(company, [.. chunks.Select(c => c.Text)], cancellationToken);
        var embeddingTime = watch.Elapsed;
        var metadata = company.Configuration.KnowledgeBase?.DocumentSources.FirstOrDefault(s => s.Name == source)?.Metadata
            .ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var document = new DocumentToStore(
            source,
            path,
            fileName,
            hash,
            metadata,
            parsed.Pages.Count,
            [.. chunks.Select((c, i) => new ChunkToStore(c.Index, c.Page, c.Text, vectors[i]))]);
        await _store.SaveAsync(company, document, model.Dimensions, cancellationToken);
        return new IngestionResult(chunks.Count, parsed.Pages.Count, embeddingTime);
    }
}

/// <summary>What ingesting one document produced.</summary>
internal sealed record IngestionResult(int Chunks, int Pages, TimeSpan EmbeddingTime);
