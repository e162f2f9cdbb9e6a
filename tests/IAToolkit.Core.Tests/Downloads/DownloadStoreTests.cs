using System.Diagnostics;
using System.Security.Cryptography;
using IAToolkit.Companies;
using IAToolkit.Configuration;
using IAToolkit.Core.Tests.Mail;
using IAToolkit.Downloads;
using IAToolkit.Redis;
using IAToolkit.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IAToolkit.Core.Tests.Downloads;

/// <summary>Downloads against the local Redis, each test under its own key prefix.</summary>
public sealed class DownloadStoreTests
{
    private const string Xlsx = ExcelWorkbook.ContentType;
    private static readonly Company Acme = MailTestCompany.Create();
    private static readonly Company Other = new(2, Acme.ShortName, Acme.Folder, Acme.Configuration, Acme.Implementation);

    private RedisConnection? _redis;
    private string _prefix = null!;

    [SetUp]
    public void SetUp()
    {
        _prefix = $"iat-test-{Guid.NewGuid():N}:";
        _redis = Connect(TestServices.RedisUrl, _prefix);
    }

    [TearDown]
    public async Task TearDown()
    {
        if (_redis is null)
        {
            return;
        }

        var multiplexer = await _redis!.GetAsync();
        foreach (var key in await KeysAsync())
        {
            await multiplexer.GetDatabase().KeyDeleteAsync(key);
        }

        await _redis.DisposeAsync();
    }

    [Test]
    public async Task SaveAsync_ThenOpenAsync_GivesTheSameFile()
    {
        var content = RandomNumberGenerator.GetBytes(1024 * 1024);
        var store = Store();

        var ticket = await store.SaveAsync(Acme, "ana@acme.example", "Ventas marzo.xlsx", Xlsx, content, lifetime: null);
        var opened = await store.OpenAsync(Acme, "ana@acme.example", ticket.Token);

        Assert.That(ticket.Token, Does.Match("^[A-Za-z0-9_-]{43}$"), "256 bits, URL-safe");
        Assert.That(ticket.ExpiresAt, Is.EqualTo(DateTimeOffset.UtcNow.AddHours(1)).Within(TimeSpan.FromSeconds(10)), "one hour by default");
        Assert.That(opened, Is.Not.Null);
        Assert.That(opened!.Content.ToArray(), Is.EqualTo(content));
        Assert.That((opened.FileName, opened.ContentType, ticket.Size), Is.EqualTo(("Ventas marzo.xlsx", Xlsx, content.LongLength)));
    }

    [Test]
    public async Task OpenAsync_AnotherUserOrCompany_GetsNothing()
    {
        var store = Store();
        var ticket = await store.SaveAsync(Acme, "ana@acme.example", "a.xlsx", Xlsx, new byte[] { 1, 2, 3 }, lifetime: null);

        Assert.That(await store.OpenAsync(Acme, "bob@acme.example", ticket.Token), Is.Null, "another user of the same company");
        Assert.That(await store.OpenAsync(Acme, "ANA@acme.example", ticket.Token), Is.Null, "user identifiers are compared exactly");
        Assert.That(await store.OpenAsync(Other, "ana@acme.example", ticket.Token), Is.Null, "the same user id in another company");
        Assert.That(await store.OpenAsync(Acme, "ana@acme.example", ticket.Token), Is.Not.Null, "refusals do not spend the token");
    }

    [Test]
    public async Task SaveAsync_OneSecondLifetime_ExpiresInRedis()
    {
        var store = Store();
        var ticket = await store.SaveAsync(Acme, "ana", "a.csv", "text/csv", new byte[] { 1 }, TimeSpan.FromSeconds(1));

        var ttl = await (await _redis!.GetAsync()).GetDatabase().KeyTimeToLiveAsync((await KeysAsync()).Single());
        Assert.That(ttl, Is.Not.Null.And.LessThanOrEqualTo(TimeSpan.FromSeconds(1)), "the key carries the lifetime as its TTL");
        await Task.Delay(TimeSpan.FromMilliseconds(1_500));

        Assert.That(await store.OpenAsync(Acme, "ana", ticket.Token), Is.Null);
        Assert.That(await KeysAsync(), Is.Empty);
    }

    [Test]
    public async Task SaveAsync_OverTheSizeLimit_IsRefusedAndStoresNothing()
    {
        var store = Store(new DownloadOptions { MaxBytes = 1024 });

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => store.SaveAsync(Acme, "ana", "big.bin", "application/octet-stream", new byte[1025], null));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.DownloadTooLarge));
        Assert.That(await KeysAsync(), Is.Empty);
    }

    [Test]
    public async Task OpenAsync_MalformedToken_IsRefusedWithoutAskingRedis()
    {
        // Nothing listens on port 1: any Redis command would wait for its timeout (seconds) and then fail.
        var offline = Connect("redis://127.0.0.1:1/0", _prefix);
        await using var _ = offline;
        var store = new DownloadStore(offline, Options.Create(new DownloadOptions()), NullLogger<DownloadStore>.Instance);
        var clock = Stopwatch.StartNew();

        foreach (var token in new[] { "", "abc", "../../etc/passwd", new string('a', 42), new string('a', 44), new string('a', 42) + "+", new string('a', 42) + "*" })
        {
            Assert.That(await store.OpenAsync(Acme, "ana", token), Is.Null, token);
        }

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(500)));
    }

    [Test]
    public async Task SaveAsync_KeepsOnlyTheTokensHashUnderThePrefix()
    {
        var ticket = await Store().SaveAsync(Acme, "ana", "a.pdf", "application/pdf", new byte[] { 1 }, null);

        var key = (await KeysAsync()).Single();
        var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ticket.Token)));
        Assert.That(key.ToString(), Is.EqualTo($"{_prefix}download:{hash}"));
        var fields = await (await _redis!.GetAsync()).GetDatabase().HashGetAllAsync(key);
        Assert.That(fields.Select(f => f.Value.ToString()), Has.None.Contains(ticket.Token));
    }

    [Test]
    public async Task SaveAsync_TwoFiles_GetDifferentTokens()
    {
        var store = Store();

        var first = await store.SaveAsync(Acme, "ana", "a.pdf", "application/pdf", new byte[] { 1 }, null);
        var second = await store.SaveAsync(Acme, "ana", "a.pdf", "application/pdf", new byte[] { 1 }, null);

        Assert.That(first.Token, Is.Not.EqualTo(second.Token));
    }

    [Test]
    public async Task SaveAsync_FileNameWithAPath_KeepsOnlyASafeName()
    {
        var store = Store();

        var ticket = await store.SaveAsync(Acme, "ana", "../../secretos/informe \"final\".pdf", "application/pdf", new byte[] { 1 }, null);

        Assert.That(ticket.FileName, Is.EqualTo("informe _final_.pdf"));
        Assert.That((await store.OpenAsync(Acme, "ana", ticket.Token))!.FileName, Is.EqualTo("informe _final_.pdf"));
    }

    [TestCase("text/html\r\nX-Injected: 1")]
    [TestCase("html")]
    [TestCase("")]
    public async Task SaveAsync_ContentTypeThatIsNotAMediaType_IsRefused(string contentType)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store().SaveAsync(Acme, "ana", "a.txt", contentType, new byte[] { 1 }, null));
    }

    [Test]
    public async Task SaveAsync_LifetimeLongerThanAllowed_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store().SaveAsync(Acme, "ana", "a.txt", "text/plain", new byte[] { 1 }, TimeSpan.FromDays(2)));
    }

    private DownloadStore Store(DownloadOptions? options = null)
        => new(_redis!, Options.Create(options ?? new DownloadOptions()), NullLogger<DownloadStore>.Instance);

    private static RedisConnection Connect(string url, string prefix)
        => new(Options.Create(new RedisOptions { Url = url, KeyPrefix = prefix }));

    private async Task<List<RedisKey>> KeysAsync()
    {
        var multiplexer = await _redis!.GetAsync();
        var keys = new List<RedisKey>();
        foreach (var server in multiplexer.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: _prefix + "*"))
            {
                keys.Add(key);
            }
        }

        return keys;
    }
}
