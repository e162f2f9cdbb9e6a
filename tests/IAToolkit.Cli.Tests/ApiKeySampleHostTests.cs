using System.Text.Json;
using IAToolkit.Testing;

namespace IAToolkit.Cli.Tests;

/// <summary>The <c>api-key</c> verbs in the real sample host, whose console logger is on, as an operator runs them.</summary>
public sealed class ApiKeySampleHostTests : DatabaseTest
{
    // Development migrates on start; the sample's SQL source stays unset, so nothing else differs.
    private static readonly Dictionary<string, string?> s_development = new() { ["ASPNETCORE_ENVIRONMENT"] = "Development" };

    [Test]
    public async Task ApiKey_RealHost_StdoutIsOnlyTheAssignmentLine()
    {
        await MigrateAsync();

        var (exitCode, output, error) = await SampleHostProcess.RunAsync(Database.Uri, null, "api-key", "sample_company");

        Assert.That(exitCode, Is.Zero, output + error);
        Assert.That(output, Does.Match(@"^IATOOLKIT_API_KEY='iat_[A-Za-z0-9]{40}'\n$"), "the logs go to stderr, so that eval \"$(… api-key x)\" works");
        Assert.That(error, Does.Contain("Loaded company sample_company").And.Contain("cannot be shown again"));
    }

    [Test]
    public async Task ApiKeyList_RealHostJson_StdoutParses()
    {
        await MigrateAsync();
        await SampleHostProcess.RunAsync(Database.Uri, null, "api-key", "sample_company", "--name", "ci");

        var (exitCode, output, error) = await SampleHostProcess.RunAsync(Database.Uri, null, "api-key", "list", "sample_company", "--json");

        Assert.That(exitCode, Is.Zero, output + error);
        using var body = JsonDocument.Parse(output);
        Assert.That(body.RootElement.GetProperty("keys")[0].GetProperty("name").GetString(), Is.EqualTo("ci"));
    }

    [TestCase("migrate", "--json")]
    [TestCase("check-config", "--json")]
    [TestCase("stats", "--json")]
    [TestCase("api-key", "sample_company", "--json")]
    [TestCase("api-key", "list", "sample_company", "--json")]
    public async Task Verb_RealHostJson_StdoutIsOneJsonDocumentAndLogsGoToStderr(params string[] args)
    {
        await MigrateAsync();

        var (exitCode, output, error) = await SampleHostProcess.RunAsync(Database.Uri, null, args);

        Assert.That(exitCode, Is.Zero, output + error);
        Assert.That(output.TrimEnd(), Does.Not.Contain("\n"), "one line");
        using var body = JsonDocument.Parse(output);
        Assert.That(body.RootElement.ValueKind, Is.AnyOf(JsonValueKind.Object, JsonValueKind.Array));
        Assert.That(output, Does.Not.Contain("info:").And.Not.Contain("warn:"), "no log line on stdout");
    }

    [Test]
    public async Task ApiKey_RealHostUnknownCompany_ExitsNotFoundWithTheMessageOnStderr()
    {
        await MigrateAsync();

        var (exitCode, output, error) = await SampleHostProcess.RunAsync(Database.Uri, null, "api-key", "globex");

        Assert.That(exitCode, Is.EqualTo(3), output + error);
        Assert.That(error, Does.Contain("error: There is no company named 'globex'."));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public async Task Migrate_RealHostEmptyDatabase_ReportsEachMigrationOnceOnStdout()
    {
        var (exitCode, output, error) = await SampleHostProcess.RunAsync(Database.Uri, s_development, "migrate");

        Assert.That(exitCode, Is.Zero, output + error);
        Assert.That(output, Does.Contain("Applied 0001_core"));
        Assert.That(Occurrences(output + error, "0001_core"), Is.EqualTo(1), "the verb prints it and nothing logs it again");
    }

    [Test]
    public async Task ApiKey_RealHostMigratingOnStart_LogsEachMigrationOnceOnStderr()
    {
        var (exitCode, output, error) = await SampleHostProcess.RunAsync(Database.Uri, s_development, "api-key", "sample_company");

        Assert.That(exitCode, Is.Zero, output + error);
        Assert.That(output, Does.Match(@"^IATOOLKIT_API_KEY='iat_[A-Za-z0-9]{40}'\n$"));
        Assert.That(Occurrences(error, "0001_core"), Is.EqualTo(1), error);
        Assert.That(error, Does.Contain("Database is up to date"));
    }

    private static int Occurrences(string text, string value)
        => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;

    private async Task MigrateAsync()
    {
        var (exitCode, output, error) = await SampleHostProcess.RunAsync(Database.Uri, null, "migrate");
        Assert.That(exitCode, Is.Zero, output + error);
    }
}
