using IAToolkit.Companies;
using IAToolkit.Core.Tests.Companies;
using IAToolkit.Hosting;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static IAToolkit.Core.Tests.Knowledge.Store.KnowledgeData;

namespace IAToolkit.Core.Tests.Knowledge.Store;

/// <summary>The store and the search as <c>AddIAToolkitCore()</c> registers them, for a company the host loaded.</summary>
public sealed class KnowledgeRegistrationTests : DatabaseTest
{
    [Test]
    public async Task AddIAToolkitCore_StartedHost_StoresAndFindsARegisteredCompanysDocument()
    {
        using var root = new TempContentRoot();
        root.WriteCompany("acme", TempContentRoot.MinimalYaml("acme").Replace("en_US", "es_ES", StringComparison.Ordinal));
        var builder = TestHost.CreateBuilder(root.Path, Database.Uri, "Development");
        builder.AddIAToolkitCore().RegisterCompany<AcmeCompany>("acme");
        using var host = builder.Build();
        await host.Services.GetRequiredService<IAToolkitStartup>().EnsureStartedAsync(CancellationToken.None);
        var acme = host.Services.GetRequiredService<ICompanyCatalog>().GetRequired("acme");
        var store = host.Services.GetRequiredService<KnowledgeStore>();

        await store.SaveAsync(acme, Document("vacaciones.pdf", [Chunk(0, "Las vacaciones anuales son de quince días hábiles.", Unit(1))]), Dimensions, CancellationToken.None);
        var hits = await host.Services.GetRequiredService<KnowledgeSearch>().SearchAsync(acme, "vacación anual", Unit(2), 5, null, CancellationToken.None);

        Assert.That(hits.Single().FileName, Is.EqualTo("vacaciones.pdf"));
        Assert.That(hits.Single().Score, Is.EqualTo(2.0 / 61).Within(1e-12), "found by its Spanish words as well as by its vector");
        Assert.That(host.Services.GetRequiredService<KnowledgeStore>(), Is.SameAs(store));
    }
}
