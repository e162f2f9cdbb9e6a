using IAToolkit.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IAToolkit.Caching;

/// <summary>The host's single Redis connection, opened on first use; it reconnects by itself when Redis returns.</summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _multiplexer;

    public RedisConnection(IOptions<RedisOptions> options)
    {
        var settings = options.Value;
        KeyPrefix = settings.KeyPrefix;
        var configuration = RedisUrl.ToConfigurationOptions(settings.Url!);
        configuration.ClientName ??= "iatoolkit";
        Endpoint = string.Join(",", configuration.EndPoints.Select(RedisUrl.Describe));
        _multiplexer = new Lazy<Task<IConnectionMultiplexer>>(async () => await ConnectionMultiplexer.ConnectAsync(configuration));
    }

    /// <summary>Prefix of every key the framework writes.</summary>
    public string KeyPrefix { get; }

    /// <summary>Host and port, for messages (never the password).</summary>
    public string Endpoint { get; }

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
