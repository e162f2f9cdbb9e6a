using System.Diagnostics;
using Dapper;
using IAToolkit.ApiKeys;
using IAToolkit.Companies;
using IAToolkit.Configuration;
using IAToolkit.Core.Tests.Companies;
using IAToolkit.Hosting;
using IAToolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace IAToolkit.Core.Tests.ApiKeys;

/// <summary>
/// The per-host cache of valid keys: a known key costs no query, a revocation on any host (or by the CLI, in a process
/// of its own) reaches every host within moments through Redis, and the cache lifetime bounds it when Redis cannot.
/// Each "host" is a service provider of its own over the same database and Redis, as two processes would be.
/// </summary>
public sealed class ApiKeyCacheTests : DatabaseTest
{
    private readonly List<IHost> _hosts = [];
    private TempContentRoot _root = null!;
    private string _redisPrefix = null!;

    [SetUp]
    public void CreateContentRoot()
    {
        _root = new TempContentRoot();
        _root.WriteCompany("acme", TempContentRoot.MinimalYaml("acme"));
        _redisPrefix = $"iat-test-{Guid.NewGuid():N}:";
    }

    [TearDown]
    public void StopHosts()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        _hosts.Clear();
        _root?.Dispose();
    }

    [Test]
    public async Task ValidateAsync_KeyCheckedBefore_AnswersWithoutAQuery()
    {
        var host = await StartHostAsync(TimeSpan.FromMinutes(1));
        var created = await Store(host).CreateAsync(Acme(host), "ci", CancellationToken.None);
        using var lookups = new LookupCounter(Database.Name);

        var identities = new List<ApiKeyIdentity?>();
        for (var i = 0; i < 20; i++)
        {
            identities.Add(await Store(host).ValidateAsync(created.Key, CancellationToken.None));
        }

        Assert.That(identities, Has.All.EqualTo(new ApiKeyIdentity(created.Id, Acme(host).Id, "acme")));
        Assert.That(lookups.Count, Is.EqualTo(1), "one query for twenty requests");
    }

    [Test]
    public async Task ValidateAsync_ManyRequestsWithANewKeyAtOnce_OneLookup()
    {
        var host = await StartHostAsync(TimeSpan.FromMinutes(1));
        var created = await Store(host).CreateAsync(Acme(host), "ci", CancellationToken.None);
        using var lookups = new LookupCounter(Database.Name);

        var identities = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Store(host).ValidateAsync(created.Key, CancellationToken.None)));

        Assert.That(identities.Select(i => i?.KeyId), Has.All.EqualTo(created.Id));
        Assert.That(lookups.Count, Is.EqualTo(1), "the first request's lookup answers the other 31");
    }

    [Test]
    public async Task ValidateAsync_CacheLifetimeZero_AsksTheDatabaseEveryTime()
    {
        var host = await StartHostAsync(TimeSpan.Zero);
        var created = await Store(host).CreateAsync(Acme(host), "ci", CancellationToken.None);
        using var lookups = new LookupCounter(Database.Name);

        for (var i = 0; i < 3; i++)
        {
            Assert.That(await Store(host).ValidateAsync(created.Key, CancellationToken.None), Is.Not.Null);
        }

        Assert.That(lookups.Count, Is.EqualTo(3));
        Assert.That(host.Services.GetRequiredService<ApiKeyCache>().Count, Is.Zero);
    }

    [Test]
    public async Task RevokeAsync_KeyCachedHere_RefusedAtOnce()
    {
        var host = await StartHostAsync(TimeSpan.FromMinutes(1));
        var created = await Store(host).CreateAsync(Acme(host), "ci", CancellationToken.None);
        Assert.That(await Store(host).ValidateAsync(created.Key, CancellationToken.None), Is.Not.Null);

        await Store(host).RevokeAsync(Acme(host), created.Prefix, CancellationToken.None);

        Assert.That(await Store(host).ValidateAsync(created.Key, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task RevokeAsync_InAnotherProcess_RefusedOnThisHostWithinTwoSeconds()
    {
        // A minute of cache: only the revocation message can make this host refuse the key in time.
        var host = await StartHostAsync(TimeSpan.FromMinutes(1));
        var cli = await StartHostAsync(TimeSpan.FromMinutes(1));
        var created = await Store(cli).CreateAsync(Acme(cli), "ci", CancellationToken.None);
        Assert.That(await Store(host).ValidateAsync(created.Key, CancellationToken.None), Is.Not.Null);
        await host.Services.GetRequiredService<ApiKeyRevocationChannel>().Listening.WaitAsync(TimeSpan.FromSeconds(10));

        await Store(cli).RevokeAsync(Acme(cli), created.Prefix, CancellationToken.None);
        var refusedAfter = await TimeUntilRefusedAsync(host, created.Key, TimeSpan.FromSeconds(2));

        Assert.That(refusedAfter, Is.Not.Null, "refused within two seconds although cached for a minute");
    }

    [Test]
    public async Task RevokeAsync_WhileThisHostCannotReachRedis_RefusedHereWithinTheCacheLifetime()
    {
        var lifetime = TimeSpan.FromSeconds(2);
        var host = await StartHostAsync(lifetime, redisUrl: "redis://127.0.0.1:1/0");
        var cli = await StartHostAsync(lifetime);
        var created = await Store(cli).CreateAsync(Acme(cli), "ci", CancellationToken.None);
        Assert.That(await Store(host).ValidateAsync(created.Key, CancellationToken.None), Is.Not.Null);
        var cachedAt = Stopwatch.StartNew();

        await Store(cli).RevokeAsync(Acme(cli), created.Prefix, CancellationToken.None);
        var stillAccepted = await Store(host).ValidateAsync(created.Key, CancellationToken.None) is not null;
        var refusedAfter = await TimeUntilRefusedAsync(host, created.Key, lifetime + TimeSpan.FromSeconds(1));

        Assert.That(stillAccepted || cachedAt.Elapsed >= lifetime, Is.True, "the message cannot reach this host: its cached check stands");
        Assert.That(refusedAfter, Is.Not.Null, "refused once the cached check expired");
        Assert.That(cachedAt.Elapsed, Is.LessThan(lifetime + TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task RevokeAsync_RedisUnreachable_RevokesTheKeyAllTheSame()
    {
        var host = await StartHostAsync(TimeSpan.FromMinutes(1), redisUrl: "redis://127.0.0.1:1/0");
        var created = await Store(host).CreateAsync(Acme(host), "ci", CancellationToken.None);
        Assert.That(await Store(host).ValidateAsync(created.Key, CancellationToken.None), Is.Not.Null);
        var watch = Stopwatch.StartNew();

        var revocation = await Store(host).RevokeAsync(Acme(host), created.Prefix, CancellationToken.None);

        Assert.That(revocation.Outcome, Is.EqualTo(ApiKeyRevokeOutcome.Revoked));
        Assert.That(await Store(host).ValidateAsync(created.Key, CancellationToken.None), Is.Null, "this host dropped it itself");
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)));
    }

    [Test]
    public async Task ValidateAsync_AfterTheRedisConnectionWasLost_AsksTheDatabaseAgain()
    {
        // A name of its own, so that only this host's connections are cut.
        var configuration = RedisUrl.ToConfigurationOptions(TestServices.RedisUrl);
        configuration.ClientName = $"iat-test-{Guid.NewGuid():N}";
        var host = await StartHostAsync(TimeSpan.FromMinutes(1), redisUrl: configuration.ToString(includePassword: true));
        var created = await Store(host).CreateAsync(Acme(host), "ci", CancellationToken.None);
        Assert.That(await Store(host).ValidateAsync(created.Key, CancellationToken.None), Is.Not.Null);
        await host.Services.GetRequiredService<ApiKeyRevocationChannel>().Listening.WaitAsync(TimeSpan.FromSeconds(10));

        // Revoked while the host is cut off: no message will ever tell it.
        await using (var connection = await Database.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE iat_api_keys SET revoked_at = now() WHERE id = @Id", new { created.Id });
        }

        await KillConnectionsAsync(configuration.ClientName);
        var refusedAfter = await TimeUntilRefusedAsync(host, created.Key, TimeSpan.FromSeconds(15));

        Assert.That(refusedAfter, Is.Not.Null, "the host forgot its cached keys when its connection came back");
    }

    [Test]
    public async Task ValidateAsync_TenThousandRandomKeys_NoneIsKept()
    {
        var host = await StartHostAsync(TimeSpan.FromMinutes(1));
        var created = await Store(host).CreateAsync(Acme(host), "ci", CancellationToken.None);
        await Store(host).ValidateAsync(created.Key, CancellationToken.None);

        var accepted = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 10_000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, cancellationToken) =>
        {
            if (await Store(host).ValidateAsync(ApiKeyFormat.Generate(), cancellationToken) is not null)
            {
                Interlocked.Increment(ref accepted);
            }
        });

        Assert.That(accepted, Is.Zero);
        Assert.That(host.Services.GetRequiredService<ApiKeyCache>().Count, Is.EqualTo(1), "only the valid key is held");
        using var lookups = new LookupCounter(Database.Name);
        Assert.That(await Store(host).ValidateAsync(created.Key, CancellationToken.None), Is.Not.Null);
        Assert.That(lookups.Count, Is.Zero, "the valid key is still answered from the cache");
    }

    [Test]
    public async Task ValidateAsync_MoreKeysThanTheCacheHolds_HoldsNoMoreAndEveryKeyWorks()
    {
        var host = await StartHostAsync(TimeSpan.FromMinutes(1), cacheSize: 2);
        var keys = new List<ApiKeyCreated>();
        for (var i = 0; i < 5; i++)
        {
            keys.Add(await Store(host).CreateAsync(Acme(host), $"key {i}", CancellationToken.None));
        }

        for (var round = 0; round < 2; round++)
        {
            foreach (var key in keys)
            {
                Assert.That((await Store(host).ValidateAsync(key.Key, CancellationToken.None))?.KeyId, Is.EqualTo(key.Id));
            }
        }

        Assert.That(host.Services.GetRequiredService<ApiKeyCache>().Count, Is.EqualTo(2));
    }

    [Test]
    public async Task ValidateAsync_CachedRequests_RecordTheUseWhenTheCacheAsksAgain()
    {
        var lifetime = TimeSpan.FromSeconds(1);
        var host = await StartHostAsync(lifetime);
        var created = await Store(host).CreateAsync(Acme(host), "ci", CancellationToken.None);
        await Store(host).ValidateAsync(created.Key, CancellationToken.None);

        // As if the last recorded use were over a minute old.
        await using var connection = await Database.OpenAsync();
        await connection.ExecuteAsync("UPDATE iat_api_keys SET last_used_at = now() - interval '61 seconds' WHERE id = @Id", new { created.Id });
        var old = await connection.ExecuteScalarAsync<DateTime>("SELECT last_used_at FROM iat_api_keys WHERE id = @Id", new { created.Id });

        await Store(host).ValidateAsync(created.Key, CancellationToken.None);
        var afterCachedRequest = await connection.ExecuteScalarAsync<DateTime>("SELECT last_used_at FROM iat_api_keys WHERE id = @Id", new { created.Id });
        await Task.Delay(lifetime + TimeSpan.FromMilliseconds(200));
        await Store(host).ValidateAsync(created.Key, CancellationToken.None);
        var afterLookup = (await Store(host).ListAsync(Acme(host), CancellationToken.None)).Single().LastUsedAt;

        Assert.That(afterCachedRequest, Is.EqualTo(old), "a cached request writes nothing");
        Assert.That(afterLookup, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromSeconds(10)), "the next lookup records the use");
    }

    [TestCase("00:01:01")]
    [TestCase("-00:00:01")]
    public void Options_LifetimeOutOfRange_RefusedWithTheSetting(string lifetime)
    {
        var result = new ApiKeyOptionsValidator().Validate(null, new ApiKeyOptions { CacheLifetime = TimeSpan.Parse(lifetime, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("IAToolkit:ApiKeys:CacheLifetime"));
    }

    private static ApiKeyStore Store(IHost host) => host.Services.GetRequiredService<ApiKeyStore>();

    private static Company Acme(IHost host) => host.Services.GetRequiredService<ICompanyCatalog>().GetRequired("acme");

    /// <summary>Asks until the key is refused; how long that took, or <see langword="null"/> if not within <paramref name="limit"/>.</summary>
    private static async Task<TimeSpan?> TimeUntilRefusedAsync(IHost host, string key, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (await Store(host).ValidateAsync(key, CancellationToken.None) is null)
            {
                return watch.Elapsed;
            }

            await Task.Delay(20);
        }

        return null;
    }

    private static async Task KillConnectionsAsync(string clientName)
    {
        var admin = RedisUrl.ToConfigurationOptions(TestServices.RedisUrl);
        admin.AllowAdmin = true;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(admin);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var killed = 0L;
        foreach (var client in (await server.ClientListAsync()).Where(c => c.Name == clientName))
        {
            killed += await server.ClientKillAsync(client.Id);
        }

        Assert.That(killed, Is.GreaterThan(0), "the host's connections were found");
    }

    private async Task<IHost> StartHostAsync(TimeSpan lifetime, int cacheSize = 10_000, string? redisUrl = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["IAToolkit:ApiKeys:CacheLifetime"] = lifetime.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["IAToolkit:ApiKeys:CacheSize"] = cacheSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["IAToolkit:Redis:KeyPrefix"] = _redisPrefix,
        };
        if (redisUrl is not null)
        {
            settings["REDIS_URL"] = redisUrl;
        }

        var builder = TestHost.CreateBuilder(_root.Path, Database.Uri, "Development", settings);
        builder.AddIAToolkitCore().RegisterCompany<AcmeCompany>("acme");
        var host = builder.Build();
        _hosts.Add(host);
        await host.Services.GetRequiredService<IAToolkitStartup>().EnsureStartedAsync(CancellationToken.None);
        return host;
    }

    /// <summary>Counts the key lookups run against one database, from Npgsql's own trace of every command.</summary>
    private sealed class LookupCounter : IDisposable
    {
        private readonly ActivityListener _listener;
        private int _count;

        public LookupCounter(string database)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.GetTagItem("db.namespace") as string == database
                        && activity.GetTagItem("db.query.text") is string text
                        && text.Contains("FROM iat_api_keys k", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref _count);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public int Count => Volatile.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
