using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

using static IAToolkit.Core.Tests.Knowledge.Store.KnowledgeData;

namespace IAToolkit.Core.Tests.Knowledge.Store;

public sealed class KnowledgeIsolationTests : KnowledgeTest
{
    [Test]
    public async Task SearchAsync_TwoCompaniesOf384And1536Dimensions_EachFindsOnlyItsOwnChunks()
    {
        var acme = await CompanyAsync("acme");
        var globex = await CompanyAsync("globex");
        // The same file, words and (in its own space) direction for both: only the company tells them apart.
        var acmeQuery = Axis(0, 384);
        var globexQuery = Axis(0, 1536);
        await SaveAsync(acme, Document("handbook.pdf", [Chunk(0, "The password policy: rotate every 90 days.", acmeQuery), .. Crowd(acmeQuery, 30, 1)]), 384);
        await SaveAsync(globex, Document("handbook.pdf", [Chunk(0, "The password policy: rotate every 90 days.", globexQuery), .. Crowd(globexQuery, 30, 1)]), 1536);

        var acmeHits = await SearchAsync(acme, "password policy", acmeQuery, limit: 100);
        var globexHits = await SearchAsync(globex, "password policy", globexQuery, limit: 100);

        var acmeChunks = await QueryAsync<long>("SELECT id FROM iat_chunks WHERE company_id = @Id", new { acme.Id });
        var globexChunks = await QueryAsync<long>("SELECT id FROM iat_chunks WHERE company_id = @Id", new { globex.Id });
        Assert.That(acmeHits.Select(h => h.ChunkId), Is.EquivalentTo(acmeChunks));
        Assert.That(globexHits.Select(h => h.ChunkId), Is.EquivalentTo(globexChunks));
        Assert.That(acmeHits[0].Text, Is.EqualTo(globexHits[0].Text));
        Assert.That(await QueryAsync<int>("SELECT DISTINCT vector_dims(embedding) FROM iat_chunks ORDER BY 1"), Is.EqualTo(new[] { 384, 1536 }), "one table holds both");
        var indexes = await QueryAsync<string>("SELECT indexname FROM pg_indexes WHERE tablename = 'iat_chunks' AND indexname LIKE 'iat_chunks_hnsw%' ORDER BY 1");
        Assert.That(indexes, Is.EquivalentTo(new[] { $"iat_chunks_hnsw_c{acme.Id}_d384", $"iat_chunks_hnsw_c{globex.Id}_d1536" }));
    }

    [Test]
    public async Task SearchAsync_QueryInTheOtherCompanysDimension_RefusedRatherThanAnsweredFromIt()
    {
        var acme = await CompanyAsync("acme");
        var globex = await CompanyAsync("globex");
        await SaveAsync(acme, Filler("a.pdf", 5, 1, 384), 384);
        await SaveAsync(globex, Filler("a.pdf", 5, 1, 1536), 1536);

        var ex = await Assert.ThrowsAsync<IAToolkitException>(() => SearchAsync(acme, "office", Unit(1, 1536)));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCodes.KnowledgeDimensionsChanged));
        Assert.That(ex.Message, Does.Contain("company 'acme'"));
    }

    [Test]
    public async Task SearchAsync_SameWordsInAnotherCompany_NotFound()
    {
        var acme = await CompanyAsync("acme");
        var globex = await CompanyAsync("globex");
        await SaveAsync(globex, Document("merger.pdf", [Chunk(0, "Project Nightingale acquires Initech.", Unit(1))]));
        await SaveAsync(acme, Document("other.pdf", [Chunk(0, "Unrelated canteen menu.", Unit(2))]));

        var hits = await SearchAsync(acme, "Nightingale Initech", Unit(1));

        Assert.That(hits.Select(h => h.FileName), Is.EqualTo(new[] { "other.pdf" }));
    }

    [Test]
    public async Task ListAndRemoveAsync_AnotherCompanysDocuments_NeitherSeenNorRemoved()
    {
        var acme = await CompanyAsync("acme");
        var globex = await CompanyAsync("globex");
        await SaveAsync(globex, Filler("shared/path.pdf", 4, 1));

        var listed = await Store.ListAsync(acme, "manuals", CancellationToken.None);
        var removed = await Store.RemoveAsync(acme, "manuals", ["shared/path.pdf"], CancellationToken.None);

        Assert.That(listed, Is.Empty);
        Assert.That(removed, Is.Zero);
        Assert.That((await Store.ListAsync(globex, "manuals", CancellationToken.None)).Keys, Is.EqualTo(new[] { "shared/path.pdf" }));
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM iat_chunks"), Is.EqualTo(4));
    }

    [Test]
    public async Task SaveAsync_SamePathAsAnotherCompany_KeepsBothDocuments()
    {
        var acme = await CompanyAsync("acme");
        var globex = await CompanyAsync("globex");

        var acmeId = await SaveAsync(acme, Filler("same.pdf", 2, 1));
        var globexId = await SaveAsync(globex, Filler("same.pdf", 3, 2));

        Assert.That(globexId, Is.Not.EqualTo(acmeId));
        Assert.That((await Store.ListAsync(acme, "manuals", CancellationToken.None))["same.pdf"].ChunkCount, Is.EqualTo(2));
        Assert.That((await Store.ListAsync(globex, "manuals", CancellationToken.None))["same.pdf"].ChunkCount, Is.EqualTo(3));
    }
}
