using IAToolkit.Companies;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using static IAToolkit.Core.Tests.Knowledge.Store.KnowledgeData;

namespace IAToolkit.Core.Tests.Knowledge.Store;

public sealed class KnowledgeLanguageTests : KnowledgeTest
{
    [TestCase("en_US", "english")]
    [TestCase("es_CL", "spanish")]
    [TestCase("fr_FR", "simple")]
    public async Task SaveAsync_CompanyLocale_FullTextVectorsUseItsLanguage(string locale, string configuration)
    {
        var company = await CompanyAsync("acme", locale);
        const string text = "Las políticas de vacaciones: the employees were running reports.";

        await SaveAsync(company, Document("a.pdf", [Chunk(0, text, Unit(1))]));

        Assert.That(await ScalarAsync<bool>("SELECT tsv = to_tsvector(@Configuration::regconfig, text) FROM iat_chunks", new { Configuration = configuration }), Is.True);
    }

    [TestCase("en_US", "run report", true)]
    [TestCase("es_CL", "política vacación", true)]
    [TestCase("es_CL", "run report", false)]
    [TestCase("fr_FR", "run report", false)]
    [TestCase("fr_FR", "running reports", true)]
    public async Task SearchAsync_CompanyLocale_StemsTheQueryInItsLanguage(string locale, string query, bool found)
    {
        var company = await CompanyAsync("acme", locale);

        var hits = await SearchWithCrowdAsync(company, "Las políticas de vacaciones: the employees were running reports.", query);

        Assert.That(hits.Any(h => h.FileName == "target.pdf"), Is.EqualTo(found));
    }

    /// <summary>Saves the text far from the query vector behind a crowd near it, so only its words can find it.</summary>
    private async Task<IReadOnlyList<IAToolkit.Knowledge.Store.SearchHit>> SearchWithCrowdAsync(Company company, string text, string query)
    {
        var vector = Axis(0);
        await SaveAsync(company, Document("crowd.pdf", [.. Crowd(vector, 60)]));
        await SaveAsync(company, Document("target.pdf", [Chunk(0, text, Axis(1))]));
        return await SearchAsync(company, query, vector, limit: 10);
    }
}
