using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dapper;
using IAToolkit.Companies;
using IAToolkit.Database;
using IAToolkit.Diagnostics;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using Microsoft.Extensions.Logging;
using Npgsql;
using Pgvector;

namespace IAToolkit.Knowledge.Store;

/// <summary>
/// Hybrid search of a company's knowledge base: the nearest chunks by cosine distance (through the company's partial
/// HNSW index) and the best full-text matches (the company's text search configuration), each up to
/// <see cref="MinCandidates"/> or the limit, fused with Reciprocal Rank Fusion (k = 60). Only the company's chunks are
/// ever read: its id is in the WHERE clause of every part of the statement (<see cref="KnowledgeSearchSql"/>).
/// </summary>
/// <remarks>
/// With a metadata filter the HNSW scan is wider (<see cref="FilteredEfSearch"/>) and the filter applies after it; when
/// that leaves fewer than the candidates wanted (a narrow filter), the statement computes the nearest exactly among
/// the company's chunks that match the filter instead (<see cref="KnowledgeSearchSql.FilteredNearest"/>), so a filter
/// never starves the results. Costs are in docs/performance.md.
/// </remarks>
internal sealed class KnowledgeSearch
{
    /// <summary>How many candidates each list contributes at least.</summary>
    public const int MinCandidates = 50;

    /// <summary>The largest limit a search takes.</summary>
    public const int MaxLimit = 100;

    private readonly CoreDatabase _database;
    private readonly ILogger<KnowledgeSearch> _logger;

    public KnowledgeSearch(CoreDatabase database, ILogger<KnowledgeSearch> logger)
    {
        _database = database;
        _logger = logger;
    }

    /// <summary>The HNSW search size for a list of <paramref name="candidates"/>: pgvector returns at most ef_search rows.</summary>
    public static int EfSearch(int candidates) => Math.Max(40, 2 * candidates);

    /// <summary>
    /// The HNSW search size when a metadata filter applies after the scan: wide enough that a filter keeping 1 chunk in
    /// 8 still leaves the candidates wanted (narrower filters fall back to the exact comparison); 1,000 is pgvector's maximum.
    /// </summary>
    public static int FilteredEfSearch(int candidates) => Math.Min(1000, 8 * candidates);

    /// <summary>
    /// The company's chunks that best answer <paramref name="query"/>, best first, at most <paramref name="limit"/>.
    /// </summary>
    /// <param name="company">The company whose knowledge base is searched; no other company's chunk is ever returned.</param>
    /// <param name="query">The question's text, for the full-text list (web search syntax: quotes, <c>or</c>, <c>-</c>).</param>
    /// <param name="queryVector">The question's embedding, made by the company's embedding model.</param>
    /// <param name="limit">How many hits to return, 1 to <see cref="MaxLimit"/>.</param>
    /// <param name="metadataFilter">Key/value pairs a chunk's document metadata must all have, or <see langword="null"/>.</param>
    /// <param name="ct">Cancels the search.</param>
    /// <exception cref="IAToolkitException">
    /// <see cref="ErrorCodes.InvalidRequest"/> for a limit out of range; <see cref="ErrorCodes.InvalidEmbedding"/> for
    /// a vector that cannot be searched; <see cref="ErrorCodes.KnowledgeDimensionsChanged"/> when the company's chunks
    /// have another dimension than the query vector.
    /// </exception>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        Company company, string query, float[] queryVector, int limit, IReadOnlyDictionary<string, string>? metadataFilter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(queryVector);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(company.Id);
        if (limit is < 1 or > MaxLimit)
        {
            throw new IAToolkitException(ErrorCodes.InvalidRequest, string.Create(CultureInfo.InvariantCulture, $"A knowledge base search returns 1 to {MaxLimit} hits, not {limit}."));
        }

        var dimensions = queryVector.Length;
        EmbeddingCheck.Dimensions(dimensions);
        EmbeddingCheck.Vector(queryVector, dimensions, "the query");
        var filtered = metadataFilter is { Count: > 0 };
        var candidates = Math.Max(MinCandidates, limit);
        var watch = Stopwatch.StartNew();

        // The span names the company and the shape of the search, never its text (the user's words).
        using var activity = Telemetry.Source.StartActivity("iatoolkit.search");
        activity?.SetTag(Telemetry.CompanyTag, company.ShortName);
        activity?.SetTag("iatoolkit.search.filtered", filtered);
        activity?.SetTag("iatoolkit.search.limit", limit);
        try
        {
            var hits = await QueryAsync(company, query, queryVector, limit, metadataFilter, filtered, candidates, ct);
            activity?.SetTag("iatoolkit.search.results", hits.Count);
            KnowledgeStoreLog.Searched(_logger, company.ShortName, dimensions, filtered ? "filtered" : "unfiltered", hits.Count, watch.ElapsedMilliseconds);
            Telemetry.SearchDuration.Record(watch.Elapsed.TotalSeconds, new KeyValuePair<string, object?>(Telemetry.CompanyTag, company.ShortName));
            return hits;
        }
        catch (Exception ex)
        {
            var error = SpanFailure.Mark(activity, ex);
            Telemetry.SearchDuration.Record(
                watch.Elapsed.TotalSeconds,
                new KeyValuePair<string, object?>(Telemetry.CompanyTag, company.ShortName),
                new KeyValuePair<string, object?>(Telemetry.ErrorTypeTag, error));
            throw;
        }
    }

    private async Task<List<SearchHit>> QueryAsync(
        Company company, string query, float[] queryVector, int limit, IReadOnlyDictionary<string, string>? metadataFilter, bool filtered, int candidates, CancellationToken ct)
    {
        var dimensions = queryVector.Length;
        await using var connection = await _database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            KnowledgeSearchSql.EfSearchSql, new { EfSearch = (filtered ? FilteredEfSearch(candidates) : EfSearch(candidates)).ToString(CultureInfo.InvariantCulture) }, transaction, cancellationToken: ct));
        IEnumerable<HitRow> rows;
        try
        {
            rows = await connection.QueryAsync<HitRow>(new CommandDefinition(
                KnowledgeSearchSql.For(company.Id, dimensions, filtered),
                new
                {
                    Vector = new Vector(queryVector),
                    Text = query ?? string.Empty,
                    Config = TextSearchConfiguration.For(company),
                    Filter = filtered ? JsonSerializer.Serialize(metadataFilter) : null,
                    Candidates = candidates,
                    Limit = limit,
                },
                transaction,
                cancellationToken: ct));
        }
        catch (PostgresException ex) when (DimensionMismatch.Matches(ex))
        {
            throw DimensionMismatch.ToException(company, dimensions, ex);
        }

        await transaction.CommitAsync(ct);
        return rows.Select(r => new SearchHit(r.ChunkId, r.Source, r.Path, r.FileName, r.Page, r.Text, r.Score, MetadataJson.Read(r.Metadata))).ToList();
    }

    private sealed record HitRow(long ChunkId, string Source, string Path, string FileName, int Page, string Text, double Score, string Metadata);
}
