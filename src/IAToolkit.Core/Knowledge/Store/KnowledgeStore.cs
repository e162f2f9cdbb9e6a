using System.Diagnostics;
using Dapper;
using IAToolkit.Companies;
using IAToolkit.Database;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IAToolkit.Knowledge.Store;

/// <summary>
/// A company's documents and their embedded chunks in <c>iat_documents</c> and <c>iat_chunks</c>. Every statement
/// filters on the company's id. A document is saved whole, in one transaction, so a search sees either its old chunks
/// or its new ones, never both and never none.
/// </summary>
internal sealed class KnowledgeStore
{
    private const string ListSql = """
        SELECT id, source, path, file_name, content_hash, chunk_count, updated_at
        FROM iat_documents
        WHERE company_id = @CompanyId
          AND source = @Source
        """;

    private const string UpsertSql = """
        INSERT INTO iat_documents (company_id, source, path, file_name, content_hash, metadata, pages, chunk_count)
        VALUES (@CompanyId, @Source, @Path, @FileName, @ContentHash, @Metadata::jsonb, @Pages, @ChunkCount)
        ON CONFLICT (company_id, source, path) DO UPDATE
        SET file_name = excluded.file_name,
            content_hash = excluded.content_hash,
            metadata = excluded.metadata,
            pages = excluded.pages,
            chunk_count = excluded.chunk_count,
            updated_at = now()
        RETURNING id
        """;

    private const string DeleteChunksSql = "DELETE FROM iat_chunks WHERE company_id = @CompanyId AND document_id = @DocumentId";

    // The chunks' rows cascade from their document's.
    private const string RemoveSql = "DELETE FROM iat_documents WHERE company_id = @CompanyId AND source = @Source AND path = ANY(@Paths)";

    private const string ClearSql = "DELETE FROM iat_documents WHERE company_id = @CompanyId";

    private readonly CoreDatabase _database;
    private readonly CompanyVectorIndexes _indexes;
    private readonly ILogger<KnowledgeStore> _logger;

    public KnowledgeStore(CoreDatabase database, CompanyVectorIndexes indexes, ILogger<KnowledgeStore> logger)
    {
        _database = database;
        _indexes = indexes;
        _logger = logger;
    }

    /// <summary>The company's stored documents of one source, by path (ordinal).</summary>
    public async Task<IReadOnlyDictionary<string, StoredDocument>> ListAsync(Company company, string source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(source);
        await using var connection = await _database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<DocumentRow>(new CommandDefinition(ListSql, new { CompanyId = company.Id, Source = source }, cancellationToken: ct));
        return rows.ToDictionary(
            r => r.Path,
            r => new StoredDocument(r.Id, r.Source, r.Path, r.FileName, r.ContentHash, r.ChunkCount, new DateTimeOffset(DateTime.SpecifyKind(r.UpdatedAt, DateTimeKind.Utc))),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// Stores a document and its chunks in place of what the company had under the same source and path, in one
    /// transaction: the document row is inserted or updated, its old chunks deleted and the new ones written with a
    /// binary COPY, their full-text vectors made with the company's text search configuration
    /// (<see cref="TextSearchConfiguration"/>). Ensures the company's vector index first (<see cref="EnsureIndexAsync"/>).
    /// </summary>
    /// <returns>The document's id, the same across saves of the same source and path.</returns>
    /// <exception cref="IAToolkitException">
    /// <see cref="ErrorCodes.InvalidEmbedding"/> when a chunk's embedding does not have <paramref name="dimensions"/>
    /// finite values; <see cref="ErrorCodes.KnowledgeDimensionsChanged"/> when the company's stored chunks have another
    /// dimension; <see cref="ErrorCodes.InvalidRequest"/> when the document itself is malformed.
    /// </exception>
    public async Task<long> SaveAsync(Company company, DocumentToStore document, int dimensions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(document);
        DocumentCheck.Validate(document, dimensions);
        var watch = Stopwatch.StartNew();
        await _indexes.EnsureAsync(company, dimensions, ct);

        await using var connection = await _database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var metadata = MetadataJson.Write(document.Metadata);
        var documentId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            UpsertSql,
            new
            {
                CompanyId = company.Id,
                document.Source,
                document.Path,
                document.FileName,
                document.ContentHash,
                Metadata = metadata,
                document.Pages,
                ChunkCount = document.Chunks.Count,
            },
            transaction,
            cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(DeleteChunksSql, new { CompanyId = company.Id, DocumentId = documentId }, transaction, cancellationToken: ct));
        try
        {
            await ChunkCopy.WriteAsync(connection, company, documentId, metadata, document.Chunks, ct);
        }
        catch (PostgresException ex) when (DimensionMismatch.Matches(ex))
        {
            throw DimensionMismatch.ToException(company, dimensions, ex);
        }

        await transaction.CommitAsync(ct);
        KnowledgeStoreLog.Saved(_logger, document.Source, document.Path, company.ShortName, documentId, document.Chunks.Count, watch.ElapsedMilliseconds);
        return documentId;
    }

    /// <summary>Removes the company's documents of one source at the given paths, with their chunks.</summary>
    /// <returns>How many documents were removed (paths not stored are ignored).</returns>
    public async Task<int> RemoveAsync(Company company, string source, IReadOnlyCollection<string> paths, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            return 0;
        }

        await using var connection = await _database.OpenConnectionAsync(ct);
        var removed = await connection.ExecuteAsync(new CommandDefinition(
            RemoveSql, new { CompanyId = company.Id, Source = source, Paths = paths.ToArray() }, cancellationToken: ct));
        KnowledgeStoreLog.Removed(_logger, removed, source, company.ShortName);
        return removed;
    }

    /// <summary>
    /// Removes every document and chunk of the company, whatever its source: what a reload after a change of
    /// embedding model starts with. The next save builds the index of the new dimension.
    /// </summary>
    /// <returns>How many documents were removed.</returns>
    public async Task<int> ClearAsync(Company company, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(company);
        await using var connection = await _database.OpenConnectionAsync(ct);
        var removed = await connection.ExecuteAsync(new CommandDefinition(ClearSql, new { CompanyId = company.Id }, commandTimeout: 0, cancellationToken: ct));
        KnowledgeStoreLog.Cleared(_logger, company.ShortName, removed);
        return removed;
    }

    /// <summary>
    /// Makes sure the company has its HNSW index for <paramref name="dimensions"/>:
    /// <c>iat_chunks_hnsw_c{id}_d{dimensions}</c>, a partial index on <c>(embedding::vector(dimensions))</c> with
    /// <c>vector_cosine_ops</c> where <c>company_id = id</c>, built concurrently. A second dimension for the same
    /// company is refused with <see cref="ErrorCodes.KnowledgeDimensionsChanged"/> while chunks of the first remain
    /// (the company changed its embedding model: remove its documents, e.g. with <see cref="ClearAsync"/>, and load
    /// them again); once none remain, the old index is dropped and the new one built.
    /// </summary>
    public Task EnsureIndexAsync(Company company, int dimensions, CancellationToken ct) => _indexes.EnsureAsync(company, dimensions, ct);

    private sealed record DocumentRow(long Id, string Source, string Path, string FileName, byte[] ContentHash, int ChunkCount, DateTime UpdatedAt);
}
