using System.Globalization;
using IAToolkit.Configuration;
using StackExchange.Redis;

namespace IAToolkit.Benchmarks.Overhead;

/// <summary>
/// The benchmark's view of the services' Redis: the memory it uses (<c>INFO memory</c>, for the whole server) and the
/// keys under the run's own prefix, which the host was given so that the count is this run's alone.
/// </summary>
internal sealed class RedisFootprint : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _connection;
    private readonly string _prefix;

    private RedisFootprint(ConnectionMultiplexer connection, string prefix)
    {
        _connection = connection;
        _prefix = prefix;
    }

    public static async Task<RedisFootprint> ConnectAsync(string url, string prefix)
    {
        // INFO counts as an admin command for StackExchange.Redis.
        var options = RedisUrl.ToConfigurationOptions(url);
        options.AllowAdmin = true;
        return new(await ConnectionMultiplexer.ConnectAsync(options), prefix);
    }

    /// <summary><c>used_memory</c>: bytes Redis has allocated, for every client of the server.</summary>
    public Task<long> UsedMemoryAsync() => InfoAsync("memory", "used_memory");

    /// <summary>The server's process id, to read its CPU time from <c>/proc</c> (0 when Redis is not on this machine).</summary>
    public async Task<int> ProcessIdAsync()
    {
        var pid = (int)await InfoAsync("server", "process_id");
        return File.Exists($"/proc/{pid}/stat") ? pid : 0;
    }

    /// <summary>The keys under the run's prefix.</summary>
    public async Task<long> CountKeysAsync()
    {
        var count = 0L;
        await foreach (var _ in Server.KeysAsync(Database.Database, _prefix + "*", pageSize: 1000))
        {
            count++;
        }

        return count;
    }

    /// <summary>Removes every key under the run's prefix, so the shared Redis keeps nothing of the benchmark.</summary>
    public async Task DeleteKeysAsync()
    {
        var batch = new List<RedisKey>(1000);
        await foreach (var key in Server.KeysAsync(Database.Database, _prefix + "*", pageSize: 1000))
        {
            batch.Add(key);
            if (batch.Count == 1000)
            {
                await Database.KeyDeleteAsync([.. batch]);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await Database.KeyDeleteAsync([.. batch]);
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private IDatabase Database => _connection.GetDatabase();

    private IServer Server => _connection.GetServer(_connection.GetEndPoints()[0]);

    private async Task<long> InfoAsync(string section, string field)
    {
        var info = (string?)await Database.ExecuteAsync("INFO", section) ?? string.Empty;
        var line = info.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Redis INFO {section} has no {field}.");
        return long.Parse(line[(field.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
