using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>
/// Once for the assistant tests: a migrated core database and the sample company's sales database filled by its own
/// <c>populate-sample-db</c> verb, as <c>./dev sample</c> does.
/// </summary>
[SetUpFixture]
public sealed class SampleAssistantFixture
{
    private static TestDatabase? s_core;
    private static TestDatabase? s_sample;

    internal static TestDatabase Core => s_core ?? throw new InvalidOperationException("Created in OneTimeSetUp.");

    internal static TestDatabase Sample => s_sample ?? throw new InvalidOperationException("Created in OneTimeSetUp.");

    [OneTimeSetUp]
    public async Task CreateAsync()
    {
        s_core = await TestDatabase.CreateAsync();
        s_sample = await TestDatabase.CreateAsync();
        var environment = new Dictionary<string, string?> { ["SAMPLE_DATABASE_URI"] = s_sample.Uri };
        foreach (var verb in new[] { "migrate", "populate-sample-db" })
        {
            var (exit, output, error) = await SampleHostProcess.RunAsync(s_core.Uri, environment, verb);
            Assert.That(exit, Is.Zero, $"{verb}: {output}{error}");
        }
    }

    [OneTimeTearDown]
    public async Task DropAsync()
    {
        await TestDatabase.DropAsync(s_sample);
        await TestDatabase.DropAsync(s_core);
    }
}
