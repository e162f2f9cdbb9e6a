using IAToolkit.Testing;

namespace IAToolkit.Cli.Tests;

public sealed class SampleHostProcessTests : DatabaseTest
{
    [Test]
    public async Task CheckConfig_TheSampleCompany_IsValid()
    {
        var (exitCode, output, error) = await SampleHostProcess.RunAsync(Database.Uri, null, "check-config");

        Assert.That(exitCode, Is.Zero, output + error);
        Assert.That(output, Does.StartWith("companies/sample_company: OK"));
    }

    [Test]
    public async Task Migrate_ThenServe_AnswersReadyOnItsUrl()
    {
        var (migrateExit, migrateOutput, migrateError) = await SampleHostProcess.RunAsync(Database.Uri, null, "migrate");
        Assert.That(migrateExit, Is.Zero, migrateOutput + migrateError);

        using var host = await SampleHostProcess.StartServingAsync(Database.Uri, null);

        Assert.That(host.Output, Does.Contain("Loaded company sample_company"));
        Assert.That(host.Output, Does.Contain("Now listening on: " + host.BaseAddress!.ToString().TrimEnd('/')));
    }

    [Test]
    public async Task Serve_UnmigratedProductionDatabase_ExitsOneNamingTheVerb()
    {
        var (exitCode, output, error) = await SampleHostProcess.RunAsync(Database.Uri, null);

        Assert.That(exitCode, Is.EqualTo(1), output + error);
        Assert.That(error, Does.Contain("pending migration").And.Contain("migrate"));
    }

    [Test]
    public async Task Serve_BrokenCompanyFolder_ExitsOneListingEveryError()
    {
        using var root = new TempContentRoot();
        root.WriteCompany("sample_company", "id: other\nllm:\n  modle: x\n");

        var (exitCode, output, error) = await SampleHostProcess.RunAsync(Database.Uri, null, [], root.Path);

        Assert.That(exitCode, Is.EqualTo(1), output + error);
        Assert.That(error, Does.Contain("companies/sample_company/config/company.yaml: id 'other' must equal the registered short name 'sample_company'"));
        Assert.That(error, Does.Contain("companies/sample_company/config/company.yaml: name is required"));
        Assert.That(error, Does.Contain("llm.model is required"));
        Assert.That(output, Does.Contain("llm.modle is not a known key"), "unknown keys are logged as warnings");
        Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task Serve_MissingSettings_ExitsOneNamingEachVariable()
    {
        var (exitCode, output, error) = await SampleHostProcess.RunAsync(
            Database.Uri,
            new Dictionary<string, string?> { ["DATABASE_URI"] = string.Empty, ["IATOOLKIT_SECRET_KEY"] = string.Empty, ["FERNET_KEY"] = string.Empty });

        Assert.That(exitCode, Is.EqualTo(1), output + error);
        Assert.That(error, Does.Contain("DATABASE_URI is not set"));
        Assert.That(error, Does.Contain("IATOOLKIT_SECRET_KEY is not set"));
        Assert.That(error, Does.Not.Contain("FERNET_KEY"), "FERNET_KEY is optional");
    }

    [Test]
    public async Task HelpAndCheckConfig_NeedNoServiceSettings()
    {
        var none = new Dictionary<string, string?> { ["DATABASE_URI"] = string.Empty, ["REDIS_URL"] = string.Empty, ["FERNET_KEY"] = string.Empty };

        var help = await SampleHostProcess.RunAsync(Database.Uri, none, "--help");
        var check = await SampleHostProcess.RunAsync(Database.Uri, none, "check-config");

        Assert.That(help.ExitCode, Is.Zero, help.Output + help.Error);
        Assert.That(check.ExitCode, Is.Zero, check.Output + check.Error);
    }

    [Test]
    public async Task Help_PrintsTheVerbs()
    {
        var (exitCode, output, _) = await SampleHostProcess.RunAsync(Database.Uri, null, "--help");

        Assert.That(exitCode, Is.Zero);
        Assert.That(output, Does.Contain("migrate").And.Contain("check-config"));
    }
}
