using System.Security.Cryptography;
using IAToolkit.Companies;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IAToolkit.Knowledge.Loading;

/// <summary>
/// Adds one document to a source: checked (path, type, size), read within the parsing budgets, written to the source
/// (folder or bucket), and only then indexed. A document the source refuses or cannot take is never searchable; one
/// stored but not indexed (the embedding provider failed) is indexed by the next load, since its hash is new.
/// </summary>
internal sealed partial class DocumentUpload
{
    private readonly DocumentConnectorFactory _connectors;
    private readonly DocumentIngestion _ingestion;
    private readonly KnowledgeStore _store;
    private readonly IOptions<KnowledgeOptions> _options;
    private readonly ILogger<DocumentUpload> _logger;

    public DocumentUpload(DocumentConnectorFactory connectors, DocumentIngestion ingestion, KnowledgeStore store, IOptions<KnowledgeOptions> options, ILogger<DocumentUpload> logger)
    {
        _connectors = connectors;
        _ingestion = ingestion;
        _store = store;
        _options = options;
        _logger = logger;
    }

    public async Task<UploadResult> AddAsync(Company company, string source, string fileName, Stream content, CancellationToken cancellationToken)
    {
        using var span = DocumentSpan.Start(company, source, fileName, "upload");
        try
        {
            return await AddAsync(company, source, fileName, content, span, cancellationToken);
        }
        catch (Exception ex)
        {
            span.Failed(ex);
            throw;
        }
    }

    private async Task<UploadResult> AddAsync(Company company, string source, string fileName, Stream content, DocumentSpan span, CancellationToken cancellationToken)
    {
        var connector = _connectors.Create(company, source);
        // A name the source would refuse is refused before any work, not after the document was read.
        SourcePath.NormalizeFile(fileName);
        if (!_ingestion.IsSupported(fileName))
        {
            throw new IAToolkitException(ErrorCodes.DocumentUnreadable, $"{fileName}: {Path.GetExtension(fileName)} is not a supported type ({_ingestion.SupportedTypes}).");
        }

        var bytes = await BoundedRead.ReadAsync(content, _options.Value.MaxDocumentBytes, max => $"{fileName} is larger than the {max / (1024 * 1024)} MB limit.", cancellationToken);
        var hash = SHA256.HashData(bytes);
        var previous = (await _store.ListAsync(company, source, cancellationToken)).GetValueOrDefault(fileName);
        if (previous is not null && previous.ContentHash.AsSpan().SequenceEqual(hash))
        {
            span.Unchanged();
            return new UploadResult(source, fileName, "unchanged", previous.ChunkCount);
        }

        // Read first (no side effects): a file that cannot be read, or passes a budget, is refused before anything is written.
        var parsed = await _ingestion.ParseAsync(fileName, bytes, waitForSlot: false, cancellationToken);

        // Stored next: the index must never hold a document its source does not.
        using (var stored = new MemoryStream(bytes, writable: false))
        {
            try
            {
                await connector.WriteAsync(fileName, stored, cancellationToken);
            }
            catch (IAToolkitException e) when (e.Code == ErrorCodes.KnowledgeSourceUnavailable)
            {
                // The connector's message names the bucket, the endpoint or the folder: for the log, not for the caller.
                WriteFailed(_logger, source, fileName, e.Message, e);
                throw new IAToolkitException(ErrorCodes.KnowledgeSourceUnavailable, $"The document source '{source}' cannot store documents right now, so '{fileName}' was not added; try again later.");
            }
        }

        var result = await _ingestion.IndexAsync(company, source, fileName, parsed, hash, cancellationToken);
        var status = previous is null ? "new" : "changed";
        span.Indexed(status, result.Pages, result.Chunks);
        return new UploadResult(source, fileName, status, result.Chunks);
    }

    [LoggerMessage(2410, LogLevel.Warning, "Upload of {FileName} to source {Source} failed; nothing was indexed: {Reason}")]
    private static partial void WriteFailed(ILogger logger, string source, string fileName, string reason, Exception exception);
}

/// <summary>What adding one document did.</summary>
internal sealed record UploadResult(string Source, string Path, string Status, int Chunks);
