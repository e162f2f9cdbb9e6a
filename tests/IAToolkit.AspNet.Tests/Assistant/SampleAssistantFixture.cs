using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>
/// Once for the assistant tests: a migrated core database and the sample company's sales database filled by its own
/// <c>populate-sample-db</c> verb as the database's owner, queried by the SQL tool as a read-only role, as
/// <c>./dev sample</c> does.
/// </summary>
[SetUpFixture]
public sealed class SampleAssistantFixture
{
    private static TestDatabase? s_core;
    private static TestDatabase? s_sample;
    private static ReadOnlyRole? s_reader;

    internal static TestDatabase Core => s_core ?? throw new InvalidOperationException("Created in OneTimeSetUp.");

    internal static TestDatabase Sample => s_sample ?? throw new InvalidOperationException("Created in OneTimeSetUp.");

    /// <summary>The sales database as the read-only role the SQL tool must use (<c>SAMPLE_DATABASE_URI</c>).</summary>
    internal static string SampleReaderUri => s_reader?.Uri ?? throw new InvalidOperationException("Created in OneTimeSetUp.");

    [OneTimeSetUp]
    public async Task CreateAsync()
    {
        s_core = await TestDatabase.CreateAsync();
        s_sample = await TestDatabase.CreateAsync();
        s_reader = await ReadOnlyRole.CreateAsync(s_sample);
        var environment = new Dictionary<string, string?> { ["SAMPLE_DATABASE_URI"] = s_reader.Uri, ["SAMPLE_DATABASE_ADMIN_URI"] = s_sample.Uri };
        foreach (var verb in new[] { "migrate", "populate-sample-db" })
        {
            var (exit, output, error) = await SampleHostProcess.RunAsync(s_core.Uri, environment, verb);
            Assert.That(exit, Is.Zero, $"{verb}: {output}{error}");
        }
    }

    [OneTimeTearDown]
    public async Task DropAsync()
    {
        if (s_reader is not null)
        {
            await s_reader.DisposeAsync();
        }

        await TestDatabase.DropAsync(s_sample);
        await TestDatabase.DropAsync(s_core);
    }
}
