using System.Text.Json;
using Dapper;
using IAToolkit.Testing;

namespace IAToolkit.Cli.Tests;

public sealed class VerbTests : DatabaseTest
{
    private TempContentRoot _root = null!;

    [SetUp]
    public void CreateContentRoot()
    {
        _root = new TempContentRoot();
        _root.WriteCompany("acme", TempContentRoot.MinimalYaml("acme", "ACME"));
    }

    [TearDown]
    public void DeleteContentRoot() => _root?.Dispose();

    [Test]
    public async Task Help_ListsFrameworkAndCompanyVerbs()
    {
        var run = await Run("--help");

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Output, Does.Contain("migrate").And.Contain("check-config").And.Contain("acme-report"));
    }

    [Test]
    public async Task Migrate_EmptyDatabase_AppliesThenReportsUpToDate()
    {
        var first = await Run("migrate");
        var second = await Run("migrate");

        Assert.That(first.ExitCode, Is.Zero, first.Error);
        Assert.That(first.Output, Does.Contain("Applied 0001_core"));
        Assert.That(second.Output, Does.Contain("is up to date").And.Not.Contain("Applied"));
        await using var connection = await Database.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('iat_companies') IS NOT NULL"), Is.True);
    }

    [Test]
    public async Task Migrate_Json_IsMachineReadable()
    {
        var run = await Run("migrate", "--json");

        using var body = JsonDocument.Parse(run.Output);
        Assert.That(body.RootElement.GetProperty("applied")[0].GetProperty("name").GetString(), Is.EqualTo("0001_core"));
        Assert.That(body.RootElement.GetProperty("already_applied").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Migrate_NoDatabaseUri_ExitsOneNamingTheVariable()
    {
        var run = await Run(new Dictionary<string, string?> { ["DATABASE_URI"] = string.Empty }, "migrate");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("error: DATABASE_URI is not set"));
        Assert.That(run.Error, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task Migrate_UnreachableDatabase_ExitsUnavailableNamingTheServer()
    {
        var run = await Run(new Dictionary<string, string?> { ["DATABASE_URI"] = "postgresql://postgres@127.0.0.1:1/x" }, "migrate");

        Assert.That(run.ExitCode, Is.EqualTo(4), "database_unavailable: a service is unavailable");
        Assert.That(run.Error, Does.Contain("Cannot connect to the core database at 127.0.0.1:1/x"));
    }

    [Test]
    public async Task CheckConfig_ValidRegisteredCompany_ExitsZero()
    {
        var run = await Run("check-config");

        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(run.Output, Does.StartWith("companies/acme: OK"));
    }

    [Test]
    public async Task CheckConfig_BrokenFolderByPath_ExitsOnePrintingEveryError()
    {
        var folder = _root.WriteCompany("broken", "id: wrong\nllm:\n  api-key: X\n");

        var run = await Run("check-config", "--path", folder);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Does.Contain("INVALID"));
        Assert.That(run.Output, Does.Contain("error: ").And.Contain("config/company.yaml: id"));
        Assert.That(run.Output, Does.Contain("name is required"));
        Assert.That(run.Output, Does.Contain("llm.model is required"));
    }

    [Test]
    public async Task CheckConfig_Json_ListsErrorsWithKeyPaths()
    {
        var folder = _root.WriteCompany("broken", "id: broken\n");

        var run = await Run("check-config", "--path", folder, "--json");

        using var body = JsonDocument.Parse(run.Output);
        var company = body.RootElement.GetProperty("companies")[0];
        Assert.That(company.GetProperty("valid").GetBoolean(), Is.False);
        var keyPaths = company.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("key_path").GetString()).ToList();
        Assert.That(keyPaths, Does.Contain("name").And.Contain("llm"));
    }

    [Test]
    public async Task CheckConfig_NeedsNoDatabase()
    {
        var run = await Run(new Dictionary<string, string?> { ["DATABASE_URI"] = string.Empty }, "check-config");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
    }

    [Test]
    public async Task CompanyVerb_Runs_AfterTheCompaniesAreLoaded()
    {
        await Run("migrate");

        var run = await Run("acme-report", "--shout");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output.Trim(), Is.EqualTo("ACME"));
    }

    [Test]
    public async Task UnknownVerb_ExitsTwoInsteadOfServing()
    {
        var run = await Run("frobnicate");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("frobnicate").And.Contain("--help"));
    }

    [Test]
    public async Task Serve_BrokenCompany_ExitsOneListingErrorsWithoutStackTrace()
    {
        _root.WriteCompany("acme", "id: acme\n");

        var run = await Run(new Dictionary<string, string?> { ["IAToolkit:Database:MigrateOnStart"] = "true" });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("companies/acme/config/company.yaml: name is required"));
        Assert.That(run.Error, Does.Not.Contain("   at "));
    }

    private Task<CliRun> Run(params string[] args) => Run(null, args);

    private Task<CliRun> Run(IDictionary<string, string?>? settings, params string[] args)
        => CliRun.RunAsync(_root.Path, Database.Uri, settings, args);
}
