using System.Text.Json;
using IAToolkit.Testing;

namespace IAToolkit.Cli.Tests.SampleData;

/// <summary><c>populate-sample-db</c>: what an operator sees, and that every run writes the same data.</summary>
public sealed class PopulateSampleDbTests : DatabaseTest
{
    /// <summary>
    /// The data every machine and .NET version must produce. A deliberate change to the generator changes them:
    /// update them, and the row counts in <see cref="SampleTables.ExpectedRows"/>.
    /// </summary>
    private static readonly Dictionary<string, string> s_pinnedChecksums = new()
    {
        ["categories"] = "bfcb7bde1bc07016bb325d0e1c2de380",
        ["suppliers"] = "c9ff6da34cf7723708c78f70f4ec36d4",
        ["products"] = "f6fc97af32b1d3d36d0a385b52ba864b",
        ["customers"] = "2b3dc6c5fa869b7d2cbb3babe93a3790",
        ["employees"] = "6d347f6df6a56b557c43bd624e53f2a9",
        ["shippers"] = "6e9eafc1b0b589356716f6b4bac317ce",
        ["regions"] = "6f086bf1c62fdf180de2cd71692a6b25",
        ["territories"] = "1a2fe613b8e731918e16e35149ce2114",
        ["employee_territories"] = "ffd1ed6443debf5d4662ecd7d3c2586b",
        ["orders"] = "59003925f4f220593451ffb0d738454c",
        ["order_details"] = "232d01917049f4bc17cfe4a05aeac9fb",
    };

    [Test]
    public void PopulateSampleDb_EmptyDatabase_PrintsTheRowsOfEachTable()
    {
        var run = SampleDataSetUp.PopulateRun;

        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Error);
        Assert.That(run.Output, Does.StartWith("Populated sample_database at ").And.Contain($"/{SampleDataSetUp.Populated.Name} in "));
        foreach (var (table, rows) in SampleTables.ExpectedRows)
        {
            Assert.That(run.Output, Does.Match($@"\n  {table} +{rows}\n"), table);
        }

        Assert.That(run.Output, Does.EndWith($"  11 tables, {SampleTables.ExpectedRows.Values.Sum()} rows{Environment.NewLine}"));
    }

    [Test]
    public async Task PopulateSampleDb_EmptyDatabase_FillsElevenTables()
    {
        await using var connection = await SampleDataSetUp.Populated.OpenAsync();

        Assert.That(await SampleTables.RowCountsAsync(connection), Is.EquivalentTo(SampleTables.ExpectedRows));
    }

    [Test]
    public async Task PopulateSampleDb_AnyMachine_WritesThePinnedData()
    {
        await using var connection = await SampleDataSetUp.Populated.OpenAsync();

        Assert.That(await SampleTables.ChecksumsAsync(connection), Is.EquivalentTo(s_pinnedChecksums), "the generated data changed");
    }

    [Test]
    public async Task PopulateSampleDb_RunAgainByEitherName_SameData()
    {
        var first = await SampleCompanyCli.RunAsync(SampleDataSetUp.Core.Uri, Database.Uri, "populate-sample-db");
        await using var connection = await Database.OpenAsync();
        var before = await SampleTables.ChecksumsAsync(connection);

        var second = await SampleCompanyCli.RunAsync(SampleDataSetUp.Core.Uri, Database.Uri, "create-sample-db");

        Assert.That((first.ExitCode, second.ExitCode), Is.EqualTo((0, 0)), first.Error + second.Error);
        Assert.That(await SampleTables.ChecksumsAsync(connection), Is.EquivalentTo(before));
        Assert.That(await SampleTables.RowCountsAsync(connection), Is.EquivalentTo(SampleTables.ExpectedRows));
    }

    [Test]
    public async Task PopulateSampleDb_Json_StdoutParses()
    {
        var run = await SampleCompanyCli.RunAsync(SampleDataSetUp.Core.Uri, Database.Uri, "populate-sample-db", "--json");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        using var body = JsonDocument.Parse(run.Output);
        var tables = body.RootElement.GetProperty("tables").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("rows").GetInt64());
        Assert.That(tables, Is.EquivalentTo(SampleTables.ExpectedRows));
        Assert.That(body.RootElement.GetProperty("seconds").GetDouble(), Is.Positive);
    }

    [Test]
    public async Task PopulateSampleDb_VariableUnset_ExitsOneNamingTheVariable()
    {
        var run = await SampleCompanyCli.RunAsync(SampleDataSetUp.Core.Uri, null, "populate-sample-db");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("error: SAMPLE_DATABASE_URI is not set").And.Contain("companies/sample_company/config/company.yaml"));
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public async Task PopulateSampleDb_DatabaseUnreachable_ExitsUnavailableNamingTheDatabase()
    {
        var run = await SampleCompanyCli.RunAsync(SampleDataSetUp.Core.Uri, "postgresql://postgres@127.0.0.1:1/sample", "populate-sample-db");

        Assert.That(run.ExitCode, Is.EqualTo(4), "database_unavailable: a service is unavailable");
        Assert.That(run.Error, Does.StartWith("error: Could not populate sample_database at 127.0.0.1:1/sample (SAMPLE_DATABASE_URI)"));
    }

    [Test]
    public async Task PopulateSampleDb_ViewOnATable_FailsAndKeepsTheOldData()
    {
        await SampleCompanyCli.RunAsync(SampleDataSetUp.Core.Uri, Database.Uri, "populate-sample-db");
        await using var connection = await Database.OpenAsync();
        await SampleTables.ExecuteAsync(connection, "CREATE VIEW big_orders AS SELECT order_id FROM orders WHERE freight > 100");
        var before = await SampleTables.ChecksumsAsync(connection);

        var run = await SampleCompanyCli.RunAsync(SampleDataSetUp.Core.Uri, Database.Uri, "populate-sample-db");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("big_orders"), "PostgreSQL names the view that blocks the drop");
        Assert.That(await SampleTables.ChecksumsAsync(connection), Is.EquivalentTo(before), "one transaction: nothing was dropped");
    }

    [Test]
    public async Task PopulateSampleDb_RealHost_SummaryOnStdout()
    {
        var environment = new Dictionary<string, string?> { ["SAMPLE_DATABASE_URI"] = Database.Uri };

        var (exitCode, output, error) = await SampleHostProcess.RunAsync(SampleDataSetUp.Core.Uri, environment, "populate-sample-db");

        Assert.That(exitCode, Is.Zero, output + error);
        Assert.That(output, Does.StartWith("Populated sample_database at ").And.Contain("order_details"));
        Assert.That(error, Does.Contain("Loaded company sample_company"), "the logs go to stderr");
    }
}
