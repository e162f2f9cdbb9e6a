using IAToolkit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace IAToolkit.AspNet.Tests;

/// <summary>The sample company host in memory, pointed at a test database and the local Redis.</summary>
internal sealed class SampleHostFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _contentRoot;
    private readonly Action<IWebHostBuilder>? _configure;

    /// <param name="databaseUri">The core database.</param>
    /// <param name="settings">Configuration over the defaults below.</param>
    /// <param name="contentRoot">Another content root than the sample project's.</param>
    /// <param name="configure">More set-up of the host, after the rest (a test's services, settings read while the host is built).</param>
    public SampleHostFactory(string databaseUri, IDictionary<string, string?>? settings = null, string? contentRoot = null, Action<IWebHostBuilder>? configure = null)
    {
        _contentRoot = contentRoot;
        _configure = configure;
        _settings = new Dictionary<string, string?>
        {
            ["DATABASE_URI"] = databaseUri,
            ["REDIS_URL"] = TestServices.RedisUrl,
            ["IATOOLKIT_SECRET_KEY"] = TestServices.SecretKey,
            ["FERNET_KEY"] = TestServices.FernetKey,
            ["IAToolkit:Database:MigrateOnStart"] = "true",
            ["IAToolkit:Security:SecureCookies"] = "false",
            ["IAToolkit:Redis:KeyPrefix"] = $"iat-test-{Guid.NewGuid():N}:",
            // The in-memory server's own address: Production requires a public base URL and accepts only its host.
            ["IAToolkit:PublicBaseUrl"] = "http://localhost",

            // Not the shell's value: the SQL source is set only by the tests that query it (as a read-only role).
            ["SAMPLE_DATABASE_URI"] = string.Empty,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, so that no developer's .env in the sample folder leaks into the tests.
        builder.UseEnvironment("Production");
        if (_contentRoot is not null)
        {
            builder.UseContentRoot(_contentRoot);
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.AddProvider(new TestOutputLoggerProvider()));
        _configure?.Invoke(builder);
    }

    /// <summary>A browser-like session on this host (cookies kept, redirects not followed).</summary>
    public BrowserSession Browser() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
}
