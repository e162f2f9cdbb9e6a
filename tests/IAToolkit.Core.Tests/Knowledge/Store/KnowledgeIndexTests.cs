using Dapper;
using IAToolkit.Companies;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Pgvector;
using static IAToolkit.Core.Tests.Knowledge.Store.KnowledgeData;

namespace IAToolkit.Core.Tests.Knowledge.Store;

public sealed class KnowledgeIndexTests : KnowledgeTest
{
    [Test]
    public async Task SaveAsync_FirstDocument_CreatesTheCompanysPartialHnswCosineIndexOnTheCast()
    {
        var acme = await CompanyAsync("acme");

        await SaveAsync(acme, Filler("a.pdf", 3, 1));

        var name = $"iat_chunks_hnsw_c{acme.Id}_d384";
        var definition = await ScalarAsync<string>("SELECT indexdef FROM pg_indexes WHERE indexname = @name", new { name });
        Assert.That(definition, Is.EqualTo($"CREATE INDEX {name} ON public.iat_chunks USING hnsw (((embedding)::vector(384)) vector_cosine_ops) WHERE (company_id = {acme.Id})"));
        Assert.That(await ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = @name::regclass", new { name }), Is.True);
    }

    [Test]
    public async Task EnsureIndexAsync_Twice_LeavesOneIndex()
    {
        var acme = await CompanyAsync("acme");

        await Store.EnsureIndexAsync(acme, 384, CancellationToken.None);
        await Store.EnsureIndexAsync(acme, 384, CancellationToken.None);

        Assert.That(await HnswIndexesAsync(), Is.EqualTo(new[] { $"iat_chunks_hnsw_c{acme.Id}_d384" }));
    }

    [Test]
    public async Task SearchAsync_CompanyWithThousandsOfChunks_PlanUsesItsOwnHnswIndex()
    {
        var acme = await CompanyAsync("acme");
        var globex = await CompanyAsync("globex");
        await SaveAsync(globex, Filler("g.pdf", 2000, 50_000));
        await SaveAsync(acme, Filler("a.pdf", 2000, 1));
        await ScalarAsync<int>("ANALYZE iat_chunks; SELECT 1");

        var plan = await ExplainAsync(acme, filtered: false);

        Assert.That(plan, Does.Contain($"\"Index Name\": \"iat_chunks_hnsw_c{acme.Id}_d384\""));
        Assert.That(plan, Does.Not.Contain($"iat_chunks_hnsw_c{globex.Id}_d384"));
    }

    [Test]
    public async Task SearchAsync_WithMetadataFilter_PlanHoldsTheExactComparisonBehindAOneTimeFilter()
    {
        var acme = await CompanyAsync("acme");
        await SaveAsync(acme, Filler("a.pdf", 2000, 1));
        await ScalarAsync<int>("ANALYZE iat_chunks; SELECT 1");

        var plan = await ExplainAsync(acme, filtered: true);

        Assert.That(plan, Does.Contain("\"One-Time Filter\""), "the exact branch runs only when the index branch found too few");
        Assert.That(plan, Does.Contain(".embedding <=> '["), "the exact branch orders by the uncast column, which no index serves");
    }

    [Test]
    public async Task SaveAsync_SecondDimensionWhileChunksOfTheFirstRemain_RefusedAndNothingChanges()
    {
        var acme = await CompanyAsync("acme");
        await SaveAsync(acme, Filler("a.pdf", 4, 1, 384), 384);

        var ex = await Assert.ThrowsAsync<IAToolkitException>(() => SaveAsync(acme, Filler("b.pdf", 2, 9, 1536), 1536));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCodes.KnowledgeDimensionsChanged));
        Assert.That(ex.Message, Does.Contain("holds 4 chunks of 384-dimension embeddings").And.Contain("now gives 1536 dimensions").And.Contain("load them again"));
        Assert.That(await HnswIndexesAsync(), Is.EqualTo(new[] { $"iat_chunks_hnsw_c{acme.Id}_d384" }));
        Assert.That((await Store.ListAsync(acme, "manuals", CancellationToken.None)).Keys, Is.EqualTo(new[] { "a.pdf" }));
        Assert.That(await SearchAsync(acme, "office", Unit(1, 384)), Has.Count.EqualTo(4), "the old knowledge base still answers");
    }

    [Test]
    public async Task SaveAsync_NewDimensionOnceTheOldChunksAreRemoved_ReplacesTheIndex()
    {
        var acme = await CompanyAsync("acme");
        var globex = await CompanyAsync("globex");
        await SaveAsync(globex, Filler("g.pdf", 3, 1, 384), 384);
        await SaveAsync(acme, Filler("a.pdf", 4, 1, 384), 384);
        await Store.ClearAsync(acme, CancellationToken.None);

        await SaveAsync(acme, Filler("a.pdf", 2, 9, 1536), 1536);

        Assert.That(await HnswIndexesAsync(), Is.EquivalentTo(new[] { $"iat_chunks_hnsw_c{acme.Id}_d1536", $"iat_chunks_hnsw_c{globex.Id}_d384" }));
        Assert.That(await SearchAsync(acme, "office", Unit(9, 1536)), Has.Count.EqualTo(2));
        Assert.That(await SearchAsync(globex, "office", Unit(1, 384)), Has.Count.EqualTo(3), "the other company is untouched");
    }

    [Test]
    public async Task EnsureIndexAsync_InvalidIndexLeftByAFailedBuild_BuildsItAgain()
    {
        var acme = await CompanyAsync("acme");
        await SaveAsync(acme, Filler("a.pdf", 3, 1));
        var name = $"iat_chunks_hnsw_c{acme.Id}_d384";
        // What an interrupted CREATE INDEX CONCURRENTLY leaves behind.
        await ScalarAsync<int>("UPDATE pg_index SET indisvalid = false WHERE indexrelid = @name::regclass; SELECT 1", new { name });

        await Store.EnsureIndexAsync(acme, 384, CancellationToken.None);

        Assert.That(await ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = @name::regclass", new { name }), Is.True);
    }

    [Test]
    public async Task EnsureIndexAsync_TwoCompaniesAtOnce_BothGetValidIndexes()
    {
        var companies = new List<Company>();
        for (var i = 0; i < 4; i++)
        {
            companies.Add(await CompanyAsync($"company{i}"));
        }

        await Task.WhenAll(companies.Select((c, i) => Store.EnsureIndexAsync(c, 128 * (i + 1), CancellationToken.None)));
        await Task.WhenAll(companies.Select(c => Store.EnsureIndexAsync(c, 128 * (companies.IndexOf(c) + 1), CancellationToken.None)));

        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname LIKE 'iat_chunks_hnsw%' AND i.indisvalid"), Is.EqualTo(4));
    }

    [TestCase(0)]
    [TestCase(2001)]
    public async Task EnsureIndexAsync_DimensionsOutOfRange_RefusedWithInvalidEmbedding(int dimensions)
    {
        var acme = await CompanyAsync("acme");

        var ex = await Assert.ThrowsAsync<IAToolkitException>(() => Store.EnsureIndexAsync(acme, dimensions, CancellationToken.None));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCodes.InvalidEmbedding));
        Assert.That(await HnswIndexesAsync(), Is.Empty);
    }

    private Task<IReadOnlyList<string>> HnswIndexesAsync()
        => QueryAsync<string>("SELECT indexname FROM pg_indexes WHERE tablename = 'iat_chunks' AND indexname LIKE 'iat\\_chunks\\_hnsw\\_%' ORDER BY 1");

    /// <summary>The plan of the search statement itself, with the parameters a search sends.</summary>
    private async Task<string> ExplainAsync(Company company, bool filtered)
    {
        await using var connection = await Core.OpenConnectionAsync(CancellationToken.None);
        var parameters = new
        {
            Vector = new Vector(Unit(77)),
            Text = "office matters",
            Config = "english",
            Filter = filtered ? """{"type": "policy"}""" : null,
            Candidates = KnowledgeSearch.MinCandidates,
            Limit = 10,
        };
        return await connection.ExecuteScalarAsync<string>("EXPLAIN (FORMAT JSON) " + KnowledgeSearchSql.For(company.Id, 384, filtered), parameters) ?? string.Empty;
    }
}
