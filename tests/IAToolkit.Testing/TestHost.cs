using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace IAToolkit.Testing;

/// <summary>Builds a real generic host with the IAToolkit core, pointed at the local services and a test database.</summary>
public static class TestHost
{
    /// <summary>
    /// Creates a host builder whose configuration has the service settings (database <paramref name="databaseUri"/>,
    /// the local Redis, test keys) plus <paramref name="settings"/>, which win.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(string contentRoot, string databaseUri, string environment = "Production", IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            ContentRootPath = contentRoot,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DATABASE_URI"] = databaseUri,
            ["REDIS_URL"] = TestServices.RedisUrl,
            ["IATOOLKIT_SECRET_KEY"] = TestServices.SecretKey,
            ["FERNET_KEY"] = TestServices.FernetKey,
            ["TEST_OPENAI_API_KEY"] = "sk-test",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        return builder;
    }
}
