using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Text;
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
/// Each company's HNSW index: a partial index on the cast of <c>iat_chunks.embedding</c> to the company's dimension
/// (cosine), <c>iat_chunks_hnsw_c{company id}_d{dimensions}</c>. It is the one piece of DDL made at run time, because a
/// company's dimension is known only when its embedding model is; the statement is a fixed template filled with two
/// integers, formatted invariantly, and nothing else.
/// </summary>
/// <remarks>
/// Built with <c>CREATE INDEX CONCURRENTLY</c>, so a company's first load (which scans the whole table to fill the
/// partial index) never blocks other companies' loads; it waits for transactions already open in the database, and
/// builds take turns (an advisory lock) because two concurrent builds on one table deadlock.
/// A company has one dimension: a second is refused while chunks of the first remain, and accepted once they are all
/// removed, which drops the old index (see <see cref="EnsureAsync"/>).
/// </remarks>
internal sealed class CompanyVectorIndexes
{
    private const string CreateTemplate = "CREATE INDEX CONCURRENTLY IF NOT EXISTS iat_chunks_hnsw_c{0}_d{1} ON iat_chunks USING hnsw ((embedding::vector({1})) vector_cosine_ops) WHERE company_id = {0}";

    private const string DropTemplate = "DROP INDEX CONCURRENTLY IF EXISTS iat_chunks_hnsw_c{0}_d{1}";

    // The company's indexes by name; 'building' is true while a CREATE INDEX CONCURRENTLY of another session fills it.
    private const string ListSql = """
        SELECT c.relname AS name,
               i.indisvalid AS valid,
               EXISTS (SELECT 1 FROM pg_stat_progress_create_index p WHERE p.index_relid = c.oid) AS building
        FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = 'iat_chunks'::regclass
          AND c.relname LIKE @Pattern
        """;

    // Any fixed 64-bit number works; this one spells "iathnsw!" in ASCII.
    private const long BuildLockKey = 0x6961_7468_6E73_7721;

    private const string TryLockSql = "SELECT pg_try_advisory_lock(@Key)";

    private const string UnlockAllSql = "SELECT pg_advisory_unlock_all()";

    private const string OtherDimensionsSql = """
        SELECT vector_dims(embedding) AS dimensions, count(*) AS chunks
        FROM iat_chunks
        WHERE company_id = @CompanyId
          AND vector_dims(embedding) <> @Dimensions
        GROUP BY 1
        ORDER BY 2 DESC
        LIMIT 1
        """;

    private static readonly TimeSpan LockPollInterval = TimeSpan.FromMilliseconds(200);

    private static readonly CompositeFormat s_create = CompositeFormat.Parse(CreateTemplate);

    private static readonly CompositeFormat s_drop = CompositeFormat.Parse(DropTemplate);

    private readonly CoreDatabase _database;
    private readonly ILogger<CompanyVectorIndexes> _logger;

    public CompanyVectorIndexes(CoreDatabase database, ILogger<CompanyVectorIndexes> logger)
    {
        _database = database;
        _logger = logger;
    }

    public static string Name(long companyId, int dimensions) => string.Create(CultureInfo.InvariantCulture, $"iat_chunks_hnsw_c{companyId}_d{dimensions}");

    /// <summary>
    /// Makes sure the company has a valid index for <paramref name="dimensions"/>. Cheap when it has: one catalog query.
    /// An index of another dimension means the company's embedding model changed: refused with
    /// <see cref="ErrorCodes.KnowledgeDimensionsChanged"/> while chunks of the old dimension remain, replaced once they
    /// are all gone. Must not be called inside a transaction of the caller's (the build would wait for it forever).
    /// </summary>
    public async Task EnsureAsync(Company company, int dimensions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(company.Id);
        EmbeddingCheck.Dimensions(dimensions);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        if (IsReady(await ListAsync(connection, company.Id, cancellationToken), dimensions))
        {
            return;
        }

        try
        {
            // Inside the try: a wait canceled after the server granted the lock must still release it.
            await LockBuildsAsync(connection, cancellationToken);

            // Another host may have done the work while this one waited.
            var indexes = await ListAsync(connection, company.Id, cancellationToken);
            if (!IsReady(indexes, dimensions))
            {
                await ReplaceAsync(connection, company, dimensions, indexes, cancellationToken);
            }
        }
        finally
        {
            if (connection.FullState == ConnectionState.Open)
            {
                // Pooled connections go back without a reset (CoreDatabase): nothing of this session may stay locked.
                await connection.ExecuteAsync(new CommandDefinition(UnlockAllSql, cancellationToken: CancellationToken.None));
            }
        }
    }

    private static bool IsReady(IReadOnlyList<IndexRow> indexes, int dimensions)
        => indexes.Count == 1 && indexes[0].Valid && indexes[0].Dimensions == dimensions;

    /// <summary>
    /// Two CREATE INDEX CONCURRENTLY on one table deadlock (each waits for the other's transaction to end), so builds
    /// take turns. A session blocked in pg_advisory_lock would hold a snapshot that the build waits for (a deadlock
    /// again); polling pg_try_advisory_lock holds none between attempts.
    /// </summary>
    private static async Task LockBuildsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        while (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(TryLockSql, new { Key = BuildLockKey }, cancellationToken: cancellationToken)))
        {
            await Task.Delay(LockPollInterval, cancellationToken);
        }
    }

    private async Task ReplaceAsync(NpgsqlConnection connection, Company company, int dimensions, IReadOnlyList<IndexRow> indexes, CancellationToken cancellationToken)
    {
        await RefuseOtherDimensionsAsync(connection, company, dimensions, cancellationToken);
        foreach (var other in indexes.Where(i => i.Dimensions != dimensions))
        {
            await ExecuteAsync(connection, Format(s_drop, company.Id, other.Dimensions), cancellationToken);
            KnowledgeStoreLog.IndexReplaced(_logger, Name(company.Id, other.Dimensions), company.ShortName, other.Dimensions, dimensions);
        }

        var name = Name(company.Id, dimensions);
        switch (indexes.FirstOrDefault(i => i.Dimensions == dimensions))
        {
            case { Valid: true }:
                return;
            case { Building: true }:
                KnowledgeStoreLog.IndexBuildingElsewhere(_logger, name);
                return;
            case { Valid: false }:
                KnowledgeStoreLog.IndexInvalid(_logger, name, company.ShortName);
                await ExecuteAsync(connection, Format(s_drop, company.Id, dimensions), cancellationToken);
                break;
        }

        await CreateAsync(connection, company, dimensions, cancellationToken);
    }

    private async Task CreateAsync(NpgsqlConnection connection, Company company, int dimensions, CancellationToken cancellationToken)
    {
        var name = Name(company.Id, dimensions);
        KnowledgeStoreLog.IndexBuilding(_logger, name, company.ShortName, dimensions);
        var watch = Stopwatch.StartNew();
        try
        {
            await ExecuteAsync(connection, Format(s_create, company.Id, dimensions), cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Another host created it between our look and our CREATE: IF NOT EXISTS does not close that race.
            return;
        }
        catch (PostgresException ex) when (DimensionMismatch.Matches(ex))
        {
            // A chunk of another dimension arrived after the check; the build failed and left an invalid index.
            await ExecuteAsync(connection, Format(s_drop, company.Id, dimensions), CancellationToken.None);
            throw DimensionMismatch.ToException(company, dimensions, ex);
        }

        KnowledgeStoreLog.IndexBuilt(_logger, name, watch.ElapsedMilliseconds);
    }

    private static async Task RefuseOtherDimensionsAsync(NpgsqlConnection connection, Company company, int dimensions, CancellationToken cancellationToken)
    {
        var other = await connection.QuerySingleOrDefaultAsync<OtherDimensionsRow>(new CommandDefinition(
            OtherDimensionsSql, new { CompanyId = company.Id, Dimensions = dimensions }, cancellationToken: cancellationToken));
        if (other is not null)
        {
            throw DimensionMismatch.Changed(company, other.Dimensions, other.Chunks, dimensions);
        }
    }

    private static async Task<IReadOnlyList<IndexRow>> ListAsync(NpgsqlConnection connection, long companyId, CancellationToken cancellationToken)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"iat_chunks_hnsw_c{companyId}_d");
        var rows = await connection.QueryAsync<(string Name, bool Valid, bool Building)>(new CommandDefinition(
            ListSql, new { Pattern = prefix.Replace("_", "\\_", StringComparison.Ordinal) + "%" }, cancellationToken: cancellationToken));
        var indexes = new List<IndexRow>();
        foreach (var row in rows)
        {
            // Another name with the same prefix (made by hand) is not ours to manage.
            if (int.TryParse(row.Name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var dimensions))
            {
                indexes.Add(new IndexRow(dimensions, row.Valid, row.Building));
            }
        }

        return indexes;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
        => await connection.ExecuteAsync(new CommandDefinition(sql, commandTimeout: 0, cancellationToken: cancellationToken));

    /// <summary>Fills a template with the two integers it takes; nothing else ever reaches the DDL.</summary>
    private static string Format(CompositeFormat template, long companyId, int dimensions)
        => string.Format(CultureInfo.InvariantCulture, template, companyId, dimensions);

    private sealed record IndexRow(int Dimensions, bool Valid, bool Building);

    private sealed record OtherDimensionsRow(int Dimensions, long Chunks);
}
