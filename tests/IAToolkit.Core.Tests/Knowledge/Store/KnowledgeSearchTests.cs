using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using static IAToolkit.Core.Tests.Knowledge.Store.KnowledgeData;

namespace IAToolkit.Core.Tests.Knowledge.Store;

public sealed class KnowledgeSearchTests : KnowledgeTest
{
    private const double First = 1.0 / 61;

    [Test]
    public async Task SearchAsync_KeywordOnlyAndVectorOnlyMatches_BothAmongTheHits()
    {
        var acme = await CompanyAsync("acme");
        var query = Axis(0);
        // The keyword chunk points away from the query; sixty chunks nearer than it fill the vector list.
        var keyword = Chunk(0, "Reimbursement of travel expenses needs the form TX-42.", Axis(1));
        var semantic = Chunk(1, "Colleagues are paid back for journeys they make for work.", query);
        await SaveAsync(acme, Document("travel.pdf", [keyword, semantic, .. Crowd(Near(query, 1, 0.5), 60, firstIndex: 2)]));

        var hits = await SearchAsync(acme, "reimbursement form", query, limit: 5);

        Assert.That(hits.Select(h => h.Text), Does.Contain(keyword.Text), "found by its words only");
        Assert.That(hits.Select(h => h.Text), Does.Contain(semantic.Text), "found by its meaning only");
        Assert.That(hits.Take(2).Select(h => h.Score), Has.All.EqualTo(First).Within(1e-12), "each first in its own list");
    }

    [Test]
    public async Task SearchAsync_ChunkFirstInBothLists_RanksFirstWithBothShares()
    {
        var acme = await CompanyAsync("acme");
        var query = Axis(3);
        await SaveAsync(acme, Document("a.pdf", [Chunk(0, "The holiday calendar for 2025.", query), Chunk(1, "Holiday pay rules.", Axis(4)), .. Crowd(Near(query, 9, 0.6), 20, firstIndex: 2)]));

        var hits = await SearchAsync(acme, "holiday calendar", query);

        Assert.That(hits[0].Text, Is.EqualTo("The holiday calendar for 2025."));
        Assert.That(hits[0].Score, Is.EqualTo(2 * First).Within(1e-12));
        Assert.That(hits.Select(h => h.Score), Is.Ordered.Descending);
    }

    [Test]
    public async Task SearchAsync_Hit_CarriesWhatACitationNeeds()
    {
        var acme = await CompanyAsync("acme");
        var metadata = new Dictionary<string, string> { ["type"] = "policy", ["owner"] = "hr" };
        var id = await SaveAsync(acme, Document("hr/Leave Policy.pdf", [Chunk(0, "Intro", Axis(1)), Chunk(1, "Parental leave lasts sixteen weeks.", Axis(0), page: 7)], metadata: metadata, source: "policies"));

        var hit = (await SearchAsync(acme, "parental leave", Axis(0)))[0];

        Assert.That((hit.Source, hit.Path, hit.FileName, hit.Page, hit.Text), Is.EqualTo(("policies", "hr/Leave Policy.pdf", "Leave Policy.pdf", 7, "Parental leave lasts sixteen weeks.")));
        Assert.That(hit.Metadata, Is.EquivalentTo(metadata));
        Assert.That(await ScalarAsync<long>("SELECT document_id FROM iat_chunks WHERE id = @ChunkId", new { hit.ChunkId }), Is.EqualTo(id));
    }

    [Test]
    public async Task SearchAsync_MetadataFilter_ReturnsOnlyDocumentsWithAllThosePairs()
    {
        var acme = await CompanyAsync("acme");
        await SaveAsync(acme, Filler("policy-hr.pdf", 5, 100, metadata: new Dictionary<string, string> { ["type"] = "policy", ["owner"] = "hr" }));
        await SaveAsync(acme, Filler("policy-it.pdf", 5, 200, metadata: new Dictionary<string, string> { ["type"] = "policy", ["owner"] = "it" }));
        await SaveAsync(acme, Filler("manual.pdf", 5, 300, metadata: new Dictionary<string, string> { ["type"] = "manual" }));

        var policies = await SearchAsync(acme, "office matters", Unit(7), limit: 50, filter: new Dictionary<string, string> { ["type"] = "policy" });
        var hr = await SearchAsync(acme, "office matters", Unit(7), limit: 50, filter: new Dictionary<string, string> { ["type"] = "policy", ["owner"] = "hr" });

        Assert.That(policies.Select(h => h.FileName).Distinct(), Is.EquivalentTo(new[] { "policy-hr.pdf", "policy-it.pdf" }));
        Assert.That(policies, Has.Count.EqualTo(10));
        Assert.That(hr.Select(h => h.FileName).Distinct(), Is.EqualTo(new[] { "policy-hr.pdf" }));
        Assert.That(hr.Select(h => h.Score), Has.All.GreaterThan(First), "every filtered hit matched the words and was near enough");
    }

    [Test]
    public async Task SearchAsync_SelectiveFilterFarFromTheQuery_StillFindsEveryMatch()
    {
        // The HNSW scan's candidates nearest the query are all public, so the filter leaves none of them; the search
        // then compares exactly the chunks that match the filter.
        var acme = await CompanyAsync("acme");
        var query = Axis(0);
        var crowd = Crowd(query, 300).ToList();
        await SaveAsync(acme, Document("public.pdf", crowd, metadata: new Dictionary<string, string> { ["level"] = "public" }));
        await SaveAsync(acme, Filler("secret.pdf", 3, 900, metadata: new Dictionary<string, string> { ["level"] = "confidential" }));

        var hits = await SearchAsync(acme, "quarterly numbers", query, limit: 10, filter: new Dictionary<string, string> { ["level"] = "confidential" });

        Assert.That(hits, Has.Count.EqualTo(3));
        Assert.That(hits.Select(h => h.FileName), Has.All.EqualTo("secret.pdf"));
    }

    [Test]
    public async Task SearchAsync_BroadFilter_ReturnsTheNearestMatchingChunksFirst()
    {
        var acme = await CompanyAsync("acme");
        var query = Axis(0);
        var crowd = Crowd(Near(query, 1, 0.8), 200, firstIndex: 1).ToList();
        await SaveAsync(acme, Document("public.pdf", [Chunk(0, "The nearest of all.", Near(query, 2, 0.05)), .. crowd], metadata: new Dictionary<string, string> { ["level"] = "public" }));
        await SaveAsync(acme, Document("secret.pdf", [Chunk(0, "Nearer still, but secret.", query)], metadata: new Dictionary<string, string> { ["level"] = "secret" }));

        var hits = await SearchAsync(acme, "quarterly numbers", query, limit: 10, filter: new Dictionary<string, string> { ["level"] = "public" });

        Assert.That(hits[0].Text, Is.EqualTo("The nearest of all."));
        Assert.That(hits, Has.Count.EqualTo(10));
        Assert.That(hits.Select(h => h.FileName), Has.All.EqualTo("public.pdf"));
    }

    [Test]
    public async Task SearchAsync_ManyMatches_ReturnsTheLimitBestFirst()
    {
        var acme = await CompanyAsync("acme");
        var query = Axis(2);
        await SaveAsync(acme, Document("a.pdf", [.. Crowd(query, 80)]));

        var hits = await SearchAsync(acme, "filler paragraph", query, limit: 7);

        Assert.That(hits, Has.Count.EqualTo(7));
        Assert.That(hits.Select(h => h.Score), Is.Ordered.Descending);
        Assert.That(hits.Select(h => h.ChunkId), Is.Unique);
    }

    [Test]
    public async Task SearchAsync_QueryOfStopWordsOnly_StillReturnsTheNearestChunks()
    {
        var acme = await CompanyAsync("acme");
        await SaveAsync(acme, Document("a.pdf", [Chunk(0, "Expense claims are due monthly.", Axis(5)), Chunk(1, "Other text.", Axis(6))]));

        var hits = await SearchAsync(acme, "the of and", Axis(5));

        Assert.That(hits[0].Text, Is.EqualTo("Expense claims are due monthly."));
    }

    [Test]
    public async Task SearchAsync_EmptyKnowledgeBase_ReturnsNothing()
    {
        var acme = await CompanyAsync("acme");

        Assert.That(await SearchAsync(acme, "anything", Unit(1)), Is.Empty);
    }

    [TestCase(0)]
    [TestCase(101)]
    public async Task SearchAsync_LimitOutOfRange_RefusedWithInvalidRequest(int limit)
    {
        var acme = await CompanyAsync("acme");

        var ex = await Assert.ThrowsAsync<IAToolkitException>(() => SearchAsync(acme, "x", Unit(1), limit));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCodes.InvalidRequest));
    }
}
