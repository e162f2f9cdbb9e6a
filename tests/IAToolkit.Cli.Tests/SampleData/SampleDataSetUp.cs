using IAToolkit.Testing;

namespace IAToolkit.Cli.Tests.SampleData;

/// <summary>
/// Once for the sample-data tests: a migrated core database, and a sample database filled by
/// <c>populate-sample-db</c> that the read-only tests query.
/// </summary>
[SetUpFixture]
public sealed class SampleDataSetUp
{
    private static TestDatabase? s_core;
    private static TestDatabase? s_populated;
    private static CliRun? s_populateRun;

    /// <summary>The core database (DATABASE_URI) the sample host runs on.</summary>
    internal static TestDatabase Core => s_core ?? throw new InvalidOperationException("Created in OneTimeSetUp.");

    /// <summary>A sample database populated once; tests must not change it.</summary>
    internal static TestDatabase Populated => s_populated ?? throw new InvalidOperationException("Created in OneTimeSetUp.");

    /// <summary>What <c>populate-sample-db</c> printed when it filled <see cref="Populated"/>.</summary>
    internal static CliRun PopulateRun => s_populateRun ?? throw new InvalidOperationException("Run in OneTimeSetUp.");

    [OneTimeSetUp]
    public async Task CreateDatabasesAsync()
    {
        s_core = await TestDatabase.CreateAsync();
        s_populated = await TestDatabase.CreateAsync();
        s_populateRun = await SampleCompanyCli.RunAsync(s_core.Uri, s_populated.Uri, "populate-sample-db");
    }

    [OneTimeTearDown]
    public async Task DropDatabasesAsync()
    {
        await TestDatabase.DropAsync(s_populated);
        await TestDatabase.DropAsync(s_core);
        (s_core, s_populated, s_populateRun) = (null, null, null);
    }
}
