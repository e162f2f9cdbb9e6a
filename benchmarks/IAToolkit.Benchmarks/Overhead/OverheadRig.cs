using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using IAToolkit.Testing;
using Npgsql;

namespace IAToolkit.Benchmarks.Overhead;

/// <summary>
/// Everything one overhead run needs, started in order and stopped in reverse: a throwaway core database and sample
/// database, the zero-latency model, API keys, the real sample host (Release, as this project is built) with limits
/// raised out of the way and its own Redis key prefix, and the readings of the processes involved.
/// </summary>
internal sealed class OverheadRig : IAsyncDisposable
{
    public const string Company = "sample_company";

    /// <summary>Each API key may ask 100,000 questions a minute (the most the limits allow); a few keys keep the limit out of sight.</summary>
    private const int KeyCount = 4;

    private readonly List<IAsyncDisposable> _resources = [];
    private string[] _databaseNames = [];

    private OverheadRig()
    {
    }

    public TestDatabase Core { get; private set; } = null!;

    public ZeroLatencyModelServer Model { get; private set; } = null!;

    public SampleHostProcess Host { get; private set; } = null!;

    public RedisFootprint Redis { get; private set; } = null!;

    public MeasuredProcesses Processes { get; private set; } = null!;

    public IReadOnlyList<string> Keys { get; private set; } = [];

    public Uri QueryUrl => new(Host.BaseAddress!, $"/api/{Company}/llm_query");

    public static async Task<OverheadRig> StartAsync(CancellationToken cancellationToken)
    {
        var rig = new OverheadRig();
        try
        {
            await rig.StartServicesAsync(cancellationToken);
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    /// <summary>Asks one question through the host and returns the answer's JSON (fails on any status but 200).</summary>
    public async Task<JsonElement> AskAsync(string question, string user, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", Keys[0]);
        using var response = await client.PostAsJsonAsync(QueryUrl, new { question, user_identifier = user }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(body).RootElement.Clone()
            : throw new InvalidOperationException($"The host answered {(int)response.StatusCode} to '{question}': {body}{Environment.NewLine}{Host.Error}");
    }

    public async ValueTask DisposeAsync()
    {
        Host?.Dispose();
        for (var i = _resources.Count - 1; i >= 0; i--)
        {
            await _resources[i].DisposeAsync();
        }
    }

    private async Task StartServicesAsync(CancellationToken cancellationToken)
    {
        Core = await Add(TestDatabase.CreateAsync());
        var sample = await Add(TestDatabase.CreateAsync());
        // The SQL tool must log in as a role that can only read (the host refuses the core database's user).
        var reader = await Add(ReadOnlyRole.CreateAsync(sample));
        var environment = new Dictionary<string, string?> { ["SAMPLE_DATABASE_URI"] = reader.Uri, ["SAMPLE_DATABASE_ADMIN_URI"] = sample.Uri };
        foreach (var verb in new[] { "migrate", "populate-sample-db" })
        {
            await RunVerbAsync(environment, verb);
            cancellationToken.ThrowIfCancellationRequested();
        }

        Keys = await Task.WhenAll(Enumerable.Range(1, KeyCount).Select(i => CreateKeyAsync(environment, i)));
        Model = await Add(ZeroLatencyModelServer.StartAsync());
        var prefix = $"iat-overhead-{Guid.NewGuid():N}"[..24] + ":";
        Redis = await RedisFootprint.ConnectAsync(TestServices.RedisUrl, prefix);
        _resources.Add(Redis);
        _resources.Add(new KeyCleanup(Redis));
        environment["OPENAI_API_KEY"] = "sk-overhead-benchmark";
        environment["OPENAI_BASE_URL"] = Model.OpenAIEndpoint.ToString();
        environment["IAToolkit__Security__SecureCookies"] = "false";
        environment["IAToolkit__Redis__KeyPrefix"] = prefix;
        environment["IAToolkit__Limits__QueriesPerMinute"] = "100000";
        environment["IAToolkit__Limits__ConcurrentQueries"] = "100000";
        Host = await SampleHostProcess.StartServingAsync(Core.Uri, environment);
        _databaseNames = [Core.Name, sample.Name];
        Processes = new MeasuredProcesses(Host.ProcessId, await PostmasterAsync(), await Redis.ProcessIdAsync(), _databaseNames);
    }

    private async Task<T> Add<T>(Task<T> starting)
        where T : IAsyncDisposable
    {
        var resource = await starting;
        _resources.Add(resource);
        return resource;
    }

    private async Task RunVerbAsync(Dictionary<string, string?> environment, params string[] args)
    {
        var (exit, output, error) = await SampleHostProcess.RunAsync(Core.Uri, environment, args);
        if (exit != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', args)} failed ({exit}):{Environment.NewLine}{output}{error}");
        }
    }

    private async Task<string> CreateKeyAsync(Dictionary<string, string?> environment, int number)
    {
        var name = "overhead-" + number.ToString(CultureInfo.InvariantCulture);
        var (exit, output, error) = await SampleHostProcess.RunAsync(Core.Uri, environment, "api-key", Company, "--name", name);
        return exit == 0 ? output.Trim().Split('\'')[1] : throw new InvalidOperationException(output + error);
    }

    /// <summary>
    /// The host's connections to its databases (core and sample) now: right after a run that is about the most it held
    /// during it, as its pools keep idle connections for minutes.
    /// </summary>
    public async Task<long> PostgresConnectionsAsync()
    {
        await using var connection = new NpgsqlConnection(Core.ConnectionString);
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = ANY(@Databases) AND pid <> pg_backend_pid()",
            new { Databases = _databaseNames });
    }

    /// <summary>The PostgreSQL server's main process: the parent of a backend.</summary>
    private async Task<int> PostmasterAsync()
    {
        await using var connection = new NpgsqlConnection(Core.ConnectionString);
        await connection.OpenAsync();
        var backend = await connection.ExecuteScalarAsync<int>("SELECT pg_backend_pid()");
        return ProcStat.ParentId(backend) ?? throw new InvalidOperationException("PostgreSQL does not run on this machine: its CPU cannot be read.");
    }

    /// <summary>Removes the run's Redis keys when the rig stops.</summary>
    private sealed class KeyCleanup(RedisFootprint redis) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await redis.DeleteKeysAsync();
    }
}
