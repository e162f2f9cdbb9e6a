using System.Text.Json;
using IAToolkit.Testing;

namespace IAToolkit.Cli.Tests;

/// <summary>The <c>api-key</c> verbs in the real sample host, whose console logger is on, as an operator runs them.</summary>
public sealed class ApiKeySampleHostTests : DatabaseTest
{
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

    private async Task MigrateAsync()
    {
        var (exitCode, output, error) = await SampleHostProcess.RunAsync(Database.Uri, null, "migrate");
        Assert.That(exitCode, Is.Zero, output + error);
    }
}
