using IAToolkit.Testing;
using StackExchange.Redis;

namespace IAToolkit.Core.Tests.Redis;

/// <summary>The Redis the project's services script starts has the settings the deployment steps ask of any Redis.</summary>
public sealed class RedisSettingsTests
{
    [Test]
    public async Task ServicesScriptRedis_HasAMemoryLimitAndEvictsOnlyKeysWithALifetime()
    {
        var url = new Uri(TestServices.RedisUrl);
        var options = new ConfigurationOptions { AllowAdmin = true, EndPoints = { { url.Host, url.Port } } };
        await using var multiplexer = await ConnectionMultiplexer.ConnectAsync(options);
        var server = multiplexer.GetServers()[0];

        var settings = (await server.ConfigGetAsync("maxmemory*")).ToDictionary(p => p.Key, p => p.Value);

        Assert.That(long.Parse(settings["maxmemory"], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0), "a memory limit");
        Assert.That(settings["maxmemory-policy"], Is.EqualTo("volatile-lru"), "durable keys such as the key ring are never evicted");
    }
}
