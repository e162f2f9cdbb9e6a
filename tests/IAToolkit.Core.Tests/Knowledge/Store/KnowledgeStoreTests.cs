using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using static IAToolkit.Core.Tests.Knowledge.Store.KnowledgeData;

namespace IAToolkit.Core.Tests.Knowledge.Store;

public sealed class KnowledgeStoreTests : KnowledgeTest
{
    [Test]
    public async Task SaveAsync_NewDocument_ListShowsItWithItsHashAndChunkCount()
    {
        var acme = await CompanyAsync("acme");
        var document = Document("hr/leave.pdf", [Chunk(0, "Annual leave is 25 days.", Unit(1)), Chunk(1, "Sick leave needs a note.", Unit(2), page: 2)]);

        var id = await SaveAsync(acme, document);

        var listed = await Store.ListAsync(acme, "manuals", CancellationToken.None);
        Assert.That(listed.Keys, Is.EqualTo(new[] { "hr/leave.pdf" }));
        var stored = listed["hr/leave.pdf"];
        Assert.That((stored.Id, stored.Source, stored.Path, stored.FileName, stored.ChunkCount), Is.EqualTo((id, "manuals", "hr/leave.pdf", "leave.pdf", 2)));
        Assert.That(stored.ContentHash, Is.EqualTo(document.ContentHash));
        Assert.That(stored.UpdatedAt, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
        var pages = await QueryAsync<int>("SELECT page FROM iat_chunks WHERE document_id = @id ORDER BY chunk_index", new { id });
        Assert.That(pages, Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public async Task SaveAsync_SamePathAgain_ReplacesItsChunksUnderTheSameId()
    {
        var acme = await CompanyAsync("acme");
        var first = await SaveAsync(acme, Document("hr/leave.pdf", [Chunk(0, "old one", Unit(1)), Chunk(1, "old two", Unit(2)), Chunk(2, "old three", Unit(3))]));
        var before = (await Store.ListAsync(acme, "manuals", CancellationToken.None))["hr/leave.pdf"].UpdatedAt;

        var second = await SaveAsync(acme, Document("hr/leave.pdf", [Chunk(0, "new one", Unit(4)), Chunk(1, "new two", Unit(5))]));

        Assert.That(second, Is.EqualTo(first));
        var texts = await QueryAsync<string>("SELECT text FROM iat_chunks ORDER BY chunk_index");
        Assert.That(texts, Is.EqualTo(new[] { "new one", "new two" }), "the old chunks are gone, none twice");
        var listed = await Store.ListAsync(acme, "manuals", CancellationToken.None);
        Assert.That(listed, Has.Count.EqualTo(1));
        Assert.That(listed["hr/leave.pdf"].ChunkCount, Is.EqualTo(2));
        Assert.That(listed["hr/leave.pdf"].UpdatedAt, Is.GreaterThanOrEqualTo(before));
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM iat_documents"), Is.EqualTo(1));
    }

    [Test]
    public async Task SaveAsync_SamePathInAnotherSource_IsAnotherDocument()
    {
        var acme = await CompanyAsync("acme");

        var manuals = await SaveAsync(acme, Document("a.pdf", [Chunk(0, "manual", Unit(1))], source: "manuals"));
        var policies = await SaveAsync(acme, Document("a.pdf", [Chunk(0, "policy", Unit(2))], source: "policies"));

        Assert.That(policies, Is.Not.EqualTo(manuals));
        Assert.That((await Store.ListAsync(acme, "manuals", CancellationToken.None))["a.pdf"].Id, Is.EqualTo(manuals));
        Assert.That((await Store.ListAsync(acme, "policies", CancellationToken.None))["a.pdf"].Id, Is.EqualTo(policies));
    }

    [Test]
    public async Task SaveAsync_DocumentWithoutChunks_IsListedWithNone()
    {
        var acme = await CompanyAsync("acme");

        await SaveAsync(acme, Document("scanned.pdf", []));

        Assert.That((await Store.ListAsync(acme, "manuals", CancellationToken.None))["scanned.pdf"].ChunkCount, Is.Zero);
    }

    [Test]
    public async Task SaveAsync_TextWithNulCharacters_StoresItWithoutThem()
    {
        var acme = await CompanyAsync("acme");

        await SaveAsync(acme, Document("odd.pdf", [Chunk(0, "bro\0ken text", Unit(1))]));

        Assert.That(await ScalarAsync<string>("SELECT text FROM iat_chunks"), Is.EqualTo("broken text"));
    }

    [Test]
    public async Task SaveAsync_EmbeddingOfAnotherLength_RefusedAndNothingStored()
    {
        var acme = await CompanyAsync("acme");
        var document = Document("a.pdf", [Chunk(0, "fine", Unit(1)), Chunk(1, "short", Unit(2, dimensions: 12))]);

        var ex = await Assert.ThrowsAsync<IAToolkitException>(() => SaveAsync(acme, document));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCodes.InvalidEmbedding));
        Assert.That(ex.Message, Does.Contain("chunk 1 of a.pdf has 12 dimensions, not 384"));
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM iat_documents"), Is.Zero);
    }

    [Test]
    public async Task SaveAsync_NotANumberInAnEmbedding_RefusedWithInvalidEmbedding()
    {
        var acme = await CompanyAsync("acme");
        var vector = Unit(1);
        vector[7] = float.NaN;

        var ex = await Assert.ThrowsAsync<IAToolkitException>(() => SaveAsync(acme, Document("a.pdf", [Chunk(0, "x", vector)])));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCodes.InvalidEmbedding));
    }

    [Test]
    public async Task SaveAsync_RepeatedChunkIndex_RefusedWithInvalidRequest()
    {
        var acme = await CompanyAsync("acme");

        var ex = await Assert.ThrowsAsync<IAToolkitException>(() => SaveAsync(acme, Document("a.pdf", [Chunk(0, "x", Unit(1)), Chunk(0, "y", Unit(2))])));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCodes.InvalidRequest));
        Assert.That(ex.Message, Does.Contain("repeated index"));
    }

    [Test]
    public async Task RemoveAsync_VanishedPaths_RemovesThoseDocumentsAndTheirChunksOnly()
    {
        var acme = await CompanyAsync("acme");
        await SaveAsync(acme, Filler("keep.pdf", 3, 100));
        await SaveAsync(acme, Filler("gone.pdf", 4, 200));
        await SaveAsync(acme, Filler("gone.pdf", 2, 300) with { Source = "policies" });

        var removed = await Store.RemoveAsync(acme, "manuals", ["gone.pdf", "never-stored.pdf"], CancellationToken.None);

        Assert.That(removed, Is.EqualTo(1));
        Assert.That((await Store.ListAsync(acme, "manuals", CancellationToken.None)).Keys, Is.EqualTo(new[] { "keep.pdf" }));
        Assert.That((await Store.ListAsync(acme, "policies", CancellationToken.None)).Keys, Is.EqualTo(new[] { "gone.pdf" }), "another source's document of the same path stays");
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM iat_chunks"), Is.EqualTo(3 + 2));
    }

    [Test]
    public async Task RemoveAsync_NoPaths_RemovesNothing()
    {
        var acme = await CompanyAsync("acme");
        await SaveAsync(acme, Filler("keep.pdf", 3, 100));

        Assert.That(await Store.RemoveAsync(acme, "manuals", [], CancellationToken.None), Is.Zero);
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM iat_chunks"), Is.EqualTo(3));
    }

    [Test]
    public async Task ClearAsync_Company_RemovesAllItsDocumentsAndNoOtherCompanys()
    {
        var acme = await CompanyAsync("acme");
        var globex = await CompanyAsync("globex");
        await SaveAsync(acme, Filler("a.pdf", 3, 100));
        await SaveAsync(acme, Filler("b.pdf", 3, 200) with { Source = "policies" });
        await SaveAsync(globex, Filler("a.pdf", 5, 300));

        var removed = await Store.ClearAsync(acme, CancellationToken.None);

        Assert.That(removed, Is.EqualTo(2));
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM iat_chunks WHERE company_id = @Id", new { acme.Id }), Is.Zero);
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM iat_chunks WHERE company_id = @Id", new { globex.Id }), Is.EqualTo(5));
    }
}
