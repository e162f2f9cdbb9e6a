using System.Text.Json;
using IAToolkit.Testing;

namespace IAToolkit.Cli.Tests;

/// <summary><c>load</c> as an operator runs it: a line per file while it works, a summary per source, an honest exit code.</summary>
public sealed class LoadVerbTests : DatabaseTest
{
    private static readonly Dictionary<string, string?> s_development = new() { ["IAToolkit:Environment"] = "development" };
    private TempContentRoot _root = null!;

    [SetUp]
    public async Task CreateCompanyAsync()
    {
        _root = new TempContentRoot();
        _root.WriteCompany(
            "acme",
            TempContentRoot.MinimalYaml("acme", "ACME") + """

                knowledge_base:
                  document_sources:
                    policies:
                      path: companies/acme/docs/policies
                """,
            ("docs/policies/travel.txt", "Economy class on flights under six hours."),
            ("docs/policies/expenses.md", "# Expenses\n\nReceipts are kept for five years."));
        Assert.That((await Run("migrate")).ExitCode, Is.Zero);
    }

    [TearDown]
    public void DeleteContentRoot() => _root?.Dispose();

    [Test]
    public async Task Load_NewFiles_PrintsAProgressLinePerFileAndASummary()
    {
        var run = await Run("load");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var progress = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("new", StringComparison.Ordinal)).ToList();
        Assert.That(progress, Has.Count.EqualTo(2));
        Assert.That(progress, Has.One.Contains("acme/policies/travel.txt").And.One.Contains("acme/policies/expenses.md"));
        Assert.That(run.Output, Does.Match(@"acme/policies \(.+\): 2 new, 0 changed, 0 unchanged, 0 removed, 0 failed; \d+ chunks from 2 pages in [\d.]+ s"));
    }

    [Test]
    public async Task Load_AFileCannotBeRead_ExitsOneNamingItAndLoadsTheRest()
    {
        File.WriteAllText(Path.Combine(_root.Path, "companies", "acme", "docs", "policies", "scan.pdf"), "%PDF-1.4 garbage");

        var run = await Run("load");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Does.Contain("2 new").And.Contain("1 failed"));
        Assert.That(run.Output, Does.Contain("failed: scan.pdf: ").And.Contain("not a valid PDF"));
        Assert.That(run.Error, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task Load_Json_RunTwice_SecondRunFindsEverythingUnchanged()
    {
        await Run("load");

        var run = await Run("load", "--json");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var source = JsonDocument.Parse(run.Output).RootElement.EnumerateArray().Single();
        Assert.That(source.GetProperty("company").GetString(), Is.EqualTo("acme"));
        Assert.That(source.GetProperty("source").GetString(), Is.EqualTo("policies"));
        Assert.That(source.GetProperty("unchanged").GetInt32(), Is.EqualTo(2));
        Assert.That(source.GetProperty("new").GetInt32() + source.GetProperty("chunks").GetInt32(), Is.Zero);
    }

    [TestCase("--company", "globex", "globex")]
    [TestCase("--source", "handbooks", "handbooks")]
    public async Task Load_UnknownCompanyOrSource_ExitsNotFoundNamingIt(string option, string value, string mention)
    {
        var run = await Run("load", option, value);

        Assert.That(run.ExitCode, Is.EqualTo(3), "company_not_found and knowledge_source_not_found: not found");
        Assert.That(run.Error, Does.Contain(mention));
        Assert.That(run.Error, Does.Not.Contain("   at "), "no stack trace");
    }

    private Task<CliRun> Run(params string[] args) => CliRun.RunAsync(_root.Path, Database.Uri, s_development, args);
}
