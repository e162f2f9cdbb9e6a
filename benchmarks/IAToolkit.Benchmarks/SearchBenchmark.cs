using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dapper;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Configuration;
using IAToolkit.Database;
using IAToolkit.Database.Migrations;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Pgvector;

namespace IAToolkit.Benchmarks;

/// <summary>
/// The knowledge store at 10k and 100k chunks of one company (384 dimensions, <see cref="SyntheticCorpus"/>) beside
/// three noise companies of 384, 768 and 1536 dimensions in the same table: insert throughput of
/// <see cref="KnowledgeStore.SaveAsync"/> (binary COPY into a table whose HNSW index exists), search latency over 200
/// sequential queries (vector only through the HNSW index, hybrid, hybrid with a metadata filter), recall@10 of the HNSW
/// path against the exact nearest, and the time to build the company's index from scratch.
/// </summary>
internal static class SearchBenchmark
{
    private const int Dimensions = 384;
    private const int QueryCount = 200;
    private const int WarmUp = 20;
    private const int K = 10;

    private const string ExactSql = """
        SELECT id
        FROM iat_chunks
        WHERE company_id = @CompanyId
        ORDER BY embedding <=> @Vector::vector
        LIMIT @K
        """;

    private static readonly CompositeFormat s_indexed = CompositeFormat.Parse(KnowledgeSearchSql.IndexedNearest);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var stages = args.Count > 0 ? args[0].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [10_000, 100_000];
        var writers = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        await using var database = await TestDatabase.CreateAsync();
        await using var core = new CoreDatabase(Options.Create(new DatabaseOptions { ConnectionString = database.Uri }), NullLoggerFactory.Instance);
        await new MigrationRunner(core).MigrateAsync(CancellationToken.None);
        var indexes = new CompanyVectorIndexes(core, NullLogger<CompanyVectorIndexes>.Instance);
        var store = new KnowledgeStore(core, indexes, NullLogger<KnowledgeStore>.Instance);
        var search = new KnowledgeSearch(core, NullLogger<KnowledgeSearch>.Instance);

        var noise = Stopwatch.StartNew();
        foreach (var (name, dimensions, chunks) in new[] { ("noise384", 384, 5_000), ("noise768", 768, 3_000), ("noise1536", 1536, 2_000) })
        {
            var other = await CompanyAsync(core, name);
            await LoadAsync(store, other, new SyntheticCorpus(dimensions, dimensions), 0, chunks / SyntheticCorpus.ChunksPerDocument, dimensions, writers);
        }

        Console.WriteLine(Invariant($"noise: 10,000 chunks of three other companies (384, 768, 1536 dimensions) loaded in {noise.Elapsed.TotalSeconds:F1} s"));
        var company = await CompanyAsync(core, "bench");
        var bench = new SyntheticCorpus(Dimensions, 42);
        var loaded = 0;
        foreach (var stage in stages)
        {
            var watch = Stopwatch.StartNew();
            await LoadAsync(store, company, bench, loaded / SyntheticCorpus.ChunksPerDocument, stage / SyntheticCorpus.ChunksPerDocument, Dimensions, writers);
            var insertRate = (stage - loaded) / watch.Elapsed.TotalSeconds;
            loaded = stage;
            await ExecuteAsync(core, "VACUUM ANALYZE iat_chunks");
            await MeasureAsync(core, search, company, bench, stage, insertRate, writers);

            var name = CompanyVectorIndexes.Name(company.Id, Dimensions);
            await ExecuteAsync(core, $"DROP INDEX {name}");
            watch.Restart();
            await indexes.EnsureAsync(company, Dimensions, CancellationToken.None);
            Console.WriteLine(Invariant($"  index build from scratch ({stage:N0} chunks, maintenance_work_mem {await ScalarAsync<string>(core, "SHOW maintenance_work_mem")}): {watch.Elapsed.TotalSeconds:F1} s"));
        }

        return 0;
    }

    /// <summary>Saves the documents of topics [from, to) with <paramref name="writers"/> saves at a time, as a parallel loader would.</summary>
    private static async Task LoadAsync(KnowledgeStore store, Company company, SyntheticCorpus corpus, int from, int to, int dimensions, int writers)
    {
        const int Batch = 20;
        for (var first = from; first < to; first += Batch)
        {
            // The corpus is not thread-safe: documents are made here, saved in parallel.
            var documents = Enumerable.Range(first, Math.Min(Batch, to - first)).Select(corpus.Document).ToList();
            await Parallel.ForEachAsync(
                documents,
                new ParallelOptions { MaxDegreeOfParallelism = writers },
                async (document, ct) => await store.SaveAsync(company, document, dimensions, ct));
        }
    }

    private static async Task MeasureAsync(CoreDatabase core, KnowledgeSearch search, Company company, SyntheticCorpus corpus, int chunks, double insertRate, int writers)
    {
        var queries = Enumerable.Range(0, WarmUp + QueryCount).Select(_ => corpus.Query(chunks / SyntheticCorpus.ChunksPerDocument)).ToList();
        var vectorSql = string.Format(CultureInfo.InvariantCulture, s_indexed, company.Id, Dimensions);
        var efSearch = KnowledgeSearch.EfSearch(KnowledgeSearch.MinCandidates);

        var exact = new List<long[]>();
        var exactTimes = new List<double>();
        var hnsw = new Dictionary<int, List<long[]>> { [40] = [], [efSearch] = [] };
        var vectorTimes = new List<double>();
        var hybridTimes = new List<double>();
        var narrowTimes = new List<double>();
        var broadTimes = new List<double>();
        await using var connection = await core.OpenConnectionAsync(CancellationToken.None);
        for (var i = 0; i < queries.Count; i++)
        {
            var (vector, text, department) = queries[i];
            var measured = i >= WarmUp;
            var watch = Stopwatch.StartNew();
            var ids = await NearestAsync(connection, vectorSql, vector, efSearch);
            Record(measured, vectorTimes, watch);
            if (measured)
            {
                hnsw[efSearch].Add(ids);
                hnsw[40].Add(await NearestAsync(connection, vectorSql, vector, 40));
                watch.Restart();
                exact.Add([.. await connection.QueryAsync<long>(ExactSql, new { CompanyId = company.Id, Vector = new Vector(vector), K })]);
                Record(measured, exactTimes, watch);
            }

            watch.Restart();
            await search.SearchAsync(company, text, vector, K, null, CancellationToken.None);
            Record(measured, hybridTimes, watch);
            watch.Restart();
            await search.SearchAsync(company, text, vector, K, new Dictionary<string, string> { ["department"] = department }, CancellationToken.None);
            Record(measured, narrowTimes, watch);
            watch.Restart();
            await search.SearchAsync(company, text, vector, K, new Dictionary<string, string> { ["corpus"] = "synthetic" }, CancellationToken.None);
            Record(measured, broadTimes, watch);
        }

        var plan = await ScalarAsync<string>(core, "EXPLAIN (FORMAT JSON) " + KnowledgeSearchSql.For(company.Id, Dimensions, filtered: false), Parameters(queries[0].Vector, queries[0].Text));
        Console.WriteLine(Invariant($"{chunks:N0} chunks of the company (+10,000 noise): insert {insertRate:N0} chunks/s ({writers} writers); hybrid plan uses {CompanyVectorIndexes.Name(company.Id, Dimensions)}: {plan.Contains(CompanyVectorIndexes.Name(company.Id, Dimensions), StringComparison.Ordinal)}"));
        Console.WriteLine(Invariant($"  recall@10 vs exact: ef_search {efSearch} {Recall(hnsw[efSearch], exact):P1}, ef_search 40 {Recall(hnsw[40], exact):P1}"));
        Console.WriteLine("  | query | p50 ms | p99 ms | mean ms |");
        Console.WriteLine("  |---|---:|---:|---:|");
        Row("vector only, HNSW (top 10, ef_search " + efSearch.ToString(CultureInfo.InvariantCulture) + ")", vectorTimes);
        Row("vector only, exact (top 10)", exactTimes);
        Row("hybrid (SearchAsync, limit 10)", hybridTimes);
        Row("hybrid + narrow filter (10% of the company: exact fallback)", narrowTimes);
        Row("hybrid + broad filter (100% of the company: HNSW, ef_search " + KnowledgeSearch.FilteredEfSearch(KnowledgeSearch.MinCandidates).ToString(CultureInfo.InvariantCulture) + ")", broadTimes);
    }

    private static async Task<long[]> NearestAsync(NpgsqlConnection connection, string sql, float[] vector, int efSearch)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(KnowledgeSearchSql.EfSearchSql, new { EfSearch = efSearch.ToString(CultureInfo.InvariantCulture) }, transaction);
        var ids = (await connection.QueryAsync<(long Id, double Distance)>(sql, new { Vector = new Vector(vector), Candidates = K }, transaction)).Select(r => r.Id).ToArray();
        await transaction.CommitAsync();
        return ids;
    }

    private static object Parameters(float[] vector, string text)
        => new { Vector = new Vector(vector), Text = text, Config = "english", Filter = (string?)null, Candidates = KnowledgeSearch.MinCandidates, Limit = K };

    private static double Recall(List<long[]> found, List<long[]> truth)
        => found.Zip(truth, (f, t) => (double)f.Intersect(t).Count() / t.Length).Average();

    private static void Record(bool measured, List<double> times, Stopwatch watch)
    {
        if (measured)
        {
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    private static void Row(string name, List<double> times)
    {
        var sorted = times.Order().ToArray();
        double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        Console.WriteLine(Invariant($"  | {name} | {Percentile(0.50):F1} | {Percentile(0.99):F1} | {sorted.Average():F1} |"));
    }

    private static async Task<Company> CompanyAsync(CoreDatabase core, string shortName)
    {
        var id = await ScalarAsync<long>(core, "INSERT INTO iat_companies (short_name, name) VALUES (@ShortName, @ShortName) RETURNING id", new { ShortName = shortName });
        var implementation = new BenchmarkCompany();
        return new Company(id, shortName, Path.GetTempPath(), new CompanyConfiguration { Id = shortName, Name = shortName, Locale = "en_US" }, implementation);
    }

    private static async Task ExecuteAsync(CoreDatabase core, string sql)
    {
        await using var connection = await core.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition(sql, commandTimeout: 0));
    }

    private static async Task<T> ScalarAsync<T>(CoreDatabase core, string sql, object? parameters = null)
    {
        await using var connection = await core.OpenConnectionAsync(CancellationToken.None);
        return (await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters, commandTimeout: 0)))!;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class BenchmarkCompany : CompanyBase;
}
