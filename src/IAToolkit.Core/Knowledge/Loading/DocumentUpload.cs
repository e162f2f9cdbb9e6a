using System.Security.Cryptography;
using IAToolkit.Companies;
using Microsoft.Extensions.Options;

namespace IAToolkit.Knowledge;

/// <summary>Adds one document to a source: written to the source (folder or bucket), then indexed like the loader does.</summary>
internal sealed class DocumentUpload
{
    private readonly DocumentConnectorFactory _connectors;
    private readonly DocumentIngestion _ingestion;
    private readonly KnowledgeStore _store;
    private readonly IOptions<KnowledgeOptions> _options;

    public DocumentUpload(DocumentConnectorFactory connectors, DocumentIngestion ingestion, KnowledgeStore store, IOptions<KnowledgeOptions> options)
    {
        _connectors = connectors;
        _ingestion = ingestion;
        _store = store;
        _options = options;
    }

    public async Task<UploadResult> AddAsync(Company company, string source, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var connector = _connectors.Create(company, source);
        if (!DocumentParser.IsSupported(fileName))
        {
            throw new IAToolkitException(ErrorCodes.DocumentUnreadable, $"{fileName}: {Path.GetExtension(fileName)} is not a supported type (PDF, DOCX, XLSX, TXT, MD).");
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > _options.Value.MaxDocumentBytes)
        {
            throw new IAToolkitException(ErrorCodes.DocumentTooLarge, $"{fileName} is larger than the {_options.Value.MaxDocumentBytes / (1024 * 1024)} MB limit.");
        }

        var bytes = buffer.ToArray();
        var hash = SHA256.HashData(bytes);
        var previous = (await _store.ListAsync(company, source, cancellationToken)).GetValueOrDefault(fileName);
        if (previous is not null && previous.ContentHash.AsSpan().SequenceEqual(hash))
        {
            return new UploadResult(source, fileName, "unchanged", previous.ChunkCount);
        }

        // Index first: a file that cannot be read is refused before anything is written to the source.
        var result = await _ingestion.IngestAsync(company, source, fileName, bytes, hash, cancellationToken);
        using var stored = new MemoryStream(bytes, writable: false);
        await connector.WriteAsync(fileName, stored, cancellationToken);
        return new UploadResult(source, fileName, previous is null ? "new" : "changed", result.Chunks);
    }
}

/// <summary>What adding one document did.</summary>
internal sealed record UploadResult(string Source, string Path, string Status, int Chunks);
