using IAToolkit.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IAToolkit.Redis;

/// <summary>
/// The host's single Redis connection, opened on first use; it reconnects by itself when Redis returns. Nothing is
/// read from the settings until then, so a verb that never touches Redis (<c>--help</c>, <c>check-config</c>) runs
/// without <c>REDIS_URL</c>.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<(ConfigurationOptions Configuration, string Prefix)> _settings;
    private readonly Lazy<Task<IConnectionMultiplexer>> _multiplexer;

    public RedisConnection(IOptions<RedisOptions> options)
    {
        _settings = new(() =>
        {
            var settings = options.Value;
            var configuration = RedisUrl.ToConfigurationOptions(settings.Url!);
            configuration.ClientName ??= "iatoolkit";
            return (configuration, settings.KeyPrefix);
        });
        _multiplexer = new(async () => await ConnectionMultiplexer.ConnectAsync(_settings.Value.Configuration));
    }

    /// <summary>Prefix of every key the framework writes.</summary>
    public string KeyPrefix => _settings.Value.Prefix;

    /// <summary>Host and port, for messages (never the password).</summary>
    public string Endpoint => string.Join(",", _settings.Value.Configuration.EndPoints.Select(RedisUrl.Describe));

    public Task<IConnectionMultiplexer> GetAsync() => _multiplexer.Value;

    /// <summary>The database, for the synchronous callers that need one (the Data Protection key ring).</summary>
    public IDatabase GetDatabase() => _multiplexer.Value.GetAwaiter().GetResult().GetDatabase();

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated)
        {
            var multiplexer = await _multiplexer.Value;
            await multiplexer.DisposeAsync();
        }
    }
}
