using Dapper;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Hosting;
using IAToolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IAToolkit.Core.Tests.Companies;

public sealed class IAToolkitStartupTests : DatabaseTest
{
    private TempContentRoot _root = null!;

    [SetUp]
    public void CreateContentRoot()
    {
        _root = new TempContentRoot();
    }

    [TearDown]
    public void DeleteContentRoot() => _root?.Dispose();

    [Test]
    public async Task StartAsync_TwoValidCompanies_UpsertsRowsAndPublishesThem()
    {
        _root.WriteCompany("acme", TempContentRoot.MinimalYaml("acme", "ACME Retail"));
        _root.WriteCompany("globex", TempContentRoot.MinimalYaml("globex", "Globex"));

        using var host = Build("Development");
        await host.StartAsync();

        var catalog = host.Services.GetRequiredService<ICompanyCatalog>();
        Assert.That(catalog.Companies.Select(c => c.ShortName), Is.EqualTo(new[] { "acme", "globex" }));
        Assert.That(catalog.GetRequired("acme").Configuration.Name, Is.EqualTo("ACME Retail"));
        Assert.That(catalog.GetRequired("acme").Folder, Is.EqualTo(Path.Combine(_root.Path, "companies", "acme")));
        await using var connection = await Database.OpenAsync();
        var rows = (await connection.QueryAsync<(long Id, string ShortName, string Name)>("SELECT id, short_name, name FROM iat_companies ORDER BY short_name")).ToList();
        Assert.That(rows.Select(r => (r.ShortName, r.Name)), Is.EqualTo(new[] { ("acme", "ACME Retail"), ("globex", "Globex") }));
        Assert.That(rows[0].Id, Is.EqualTo(catalog.GetRequired("acme").Id));
        await host.StopAsync();
    }

    [Test]
    public async Task StartAsync_RenamedCompany_UpdatesTheSameRow()
    {
        _root.WriteCompany("acme", TempContentRoot.MinimalYaml("acme", "ACME"));
        _root.WriteCompany("globex", TempContentRoot.MinimalYaml("globex"));
        long firstId;
        using (var first = Build("Development"))
        {
            await first.StartAsync();
            firstId = first.Services.GetRequiredService<ICompanyCatalog>().GetRequired("acme").Id;
            await first.StopAsync();
        }

        _root.WriteCompany("acme", TempContentRoot.MinimalYaml("acme", "ACME Renamed"));
        using var second = Build("Development");
        await second.StartAsync();

        await using var connection = await Database.OpenAsync();
        var rows = (await connection.QueryAsync<(long Id, string Name)>("SELECT id, name FROM iat_companies WHERE short_name = 'acme'")).ToList();
        Assert.That(rows, Is.EqualTo(new[] { (firstId, "ACME Renamed") }));
        await second.StopAsync();
    }

    [Test]
    public async Task StartAsync_InvalidCompany_RefusesToStartListingEveryErrorAndWritesNothing()
    {
        _root.WriteCompany("acme", "id: \"wrong\"\nname: \"ACME\"\n");
        // globex has no folder at all

        using var host = Build("Development");
        var ex = await Assert.ThrowsAsync<CompanyConfigurationException>(() => host.StartAsync());

        Assert.That(ex!.Message, Does.Contain("companies/acme/config/company.yaml"));
        Assert.That(ex.Message, Does.Contain("companies/globex: company folder not found"));
        Assert.That(ex.Errors, Has.Count.GreaterThanOrEqualTo(3), "id mismatch, llm.model, llm.api-key and the missing folder are all reported");
        await using var connection = await Database.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('iat_companies') IS NOT NULL"), Is.False, "nothing is migrated before the configuration is valid");
    }

    [Test]
    public async Task StartAsync_ProductionWithPendingMigrations_RefusesAndNamesTheVerb()
    {
        _root.WriteCompany("acme", TempContentRoot.MinimalYaml("acme"));
        _root.WriteCompany("globex", TempContentRoot.MinimalYaml("globex"));

        using var host = Build("Production");
        var ex = await Assert.ThrowsAsync<IAToolkitException>(() => host.StartAsync());

        Assert.That(ex!.Code, Is.EqualTo(ErrorCodes.DatabaseNotMigrated));
        Assert.That(ex.Message, Does.Contain("0001_core").And.Contain("migrate"));
    }

    [Test]
    public async Task EnsureStartedAsync_CalledConcurrently_LoadsOnce()
    {
        _root.WriteCompany("acme", TempContentRoot.MinimalYaml("acme"));
        _root.WriteCompany("globex", TempContentRoot.MinimalYaml("globex"));
        using var host = Build("Development");
        var startup = host.Services.GetRequiredService<IAToolkitStartup>();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => startup.EnsureStartedAsync(CancellationToken.None)));

        Assert.That(host.Services.GetRequiredService<ICompanyCatalog>().Companies, Has.Count.EqualTo(2));
    }

    private IHost Build(string environment)
    {
        var builder = TestHost.CreateBuilder(_root.Path, Database.Uri, environment);
        builder.AddIAToolkitCore()
            .RegisterCompany<AcmeCompany>("acme")
            .RegisterCompany<GlobexCompany>("globex");
        return builder.Build();
    }
}
