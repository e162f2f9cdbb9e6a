using System.Globalization;
using Dapper;
using IAToolkit.ApiKeys;
using IAToolkit.Companies;
using IAToolkit.Configuration;
using IAToolkit.Core.Tests.Companies;
using IAToolkit.Database;
using IAToolkit.Hosting;
using IAToolkit.Redis;
using IAToolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IAToolkit.Core.Tests.ApiKeys;

public sealed class ApiKeyStoreTests : DatabaseTest
{
    private TempContentRoot _root = null!;
    private IHost _host = null!;
    private ApiKeyStore _store = null!;
    private Company _acme = null!;
    private Company _globex = null!;

    [SetUp]
    public async Task StartHostAsync()
    {
        _root = new TempContentRoot();
        _root.WriteCompany("acme", TempContentRoot.MinimalYaml("acme"));
        _root.WriteCompany("globex", TempContentRoot.MinimalYaml("globex"));
        var builder = TestHost.CreateBuilder(_root.Path, Database.Uri, "Development");
        builder.AddIAToolkitCore().RegisterCompany<AcmeCompany>("acme").RegisterCompany<GlobexCompany>("globex");
        _host = builder.Build();
        await _host.Services.GetRequiredService<IAToolkitStartup>().EnsureStartedAsync(CancellationToken.None);
        _store = _host.Services.GetRequiredService<ApiKeyStore>();
        var catalog = _host.Services.GetRequiredService<ICompanyCatalog>();
        _acme = catalog.GetRequired("acme");
        _globex = catalog.GetRequired("globex");
    }

    [TearDown]
    public void StopHost()
    {
        _host?.Dispose();
        _root?.Dispose();
    }

    [Test]
    public async Task CreateAsync_NewKey_ValidatesAsItsCompany()
    {
        var created = await _store.CreateAsync(_acme, "ci", CancellationToken.None);

        var identity = await _store.ValidateAsync(created.Key, CancellationToken.None);

        Assert.That(identity, Is.EqualTo(new ApiKeyIdentity(created.Id, _acme.Id, "acme")));
        Assert.That(created.Key, Does.Match("^iat_[A-Za-z0-9]{40}$"));
        Assert.That(created.Prefix, Is.EqualTo(created.Key[..12]));
    }

    [Test]
    public async Task CreateAsync_NewKey_StoresItsSha256AndNeverThePlaintext()
    {
        var created = await _store.CreateAsync(_acme, "ci", CancellationToken.None);

        await using var connection = await Database.OpenAsync();
        var row = await connection.ExecuteScalarAsync<string>("SELECT row_to_json(k)::text FROM iat_api_keys k WHERE id = @Id", new { created.Id });
        Assert.That(row, Does.Not.Contain(created.Key[12..]).IgnoreCase, "the secret part of the key is in no column");
        var hashMatches = await connection.ExecuteScalarAsync<bool>(
            "SELECT key_hash = sha256(convert_to(@Key, 'UTF8')) FROM iat_api_keys WHERE id = @Id", new { created.Key, created.Id });
        Assert.That(hashMatches, Is.True);
    }

    [Test]
    public async Task CreateAsync_BlankName_RefusedWithInvalidRequest()
    {
        var ex = await Assert.ThrowsAsync<IAToolkitException>(() => _store.CreateAsync(_acme, "  ", CancellationToken.None));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCodes.InvalidRequest));
        Assert.That(await _store.ListAsync(_acme, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task ListAsync_TwoKeys_ShowsNamesAndPrefixesOfThisCompanyOnly()
    {
        var ci = await _store.CreateAsync(_acme, "ci", CancellationToken.None);
        var crm = await _store.CreateAsync(_acme, "crm", CancellationToken.None);
        await _store.CreateAsync(_globex, "default", CancellationToken.None);

        var keys = await _store.ListAsync(_acme, CancellationToken.None);

        Assert.That(keys.Select(k => (k.Id, k.Name, k.Prefix)), Is.EqualTo(new[] { (ci.Id, "ci", ci.Prefix), (crm.Id, "crm", crm.Prefix) }));
        Assert.That(keys.Select(k => k.RevokedAt), Has.All.Null);
        Assert.That(keys.Select(k => k.LastUsedAt), Has.All.Null);
        Assert.That(keys[0].CreatedAt, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
        Assert.That(keys[0].ToString(), Does.Not.Contain(ci.Key));
    }

    [Test]
    public async Task RevokeAsync_ById_KeyStopsValidatingAndListShowsItRevoked()
    {
        var created = await _store.CreateAsync(_acme, "ci", CancellationToken.None);

        var revocation = await _store.RevokeAsync(_acme, created.Id.ToString(CultureInfo.InvariantCulture), CancellationToken.None);

        Assert.That(revocation.Outcome, Is.EqualTo(ApiKeyRevokeOutcome.Revoked));
        Assert.That(revocation.Key!.Id, Is.EqualTo(created.Id));
        Assert.That(await _store.ValidateAsync(created.Key, CancellationToken.None), Is.Null);
        var listed = (await _store.ListAsync(_acme, CancellationToken.None)).Single();
        Assert.That(listed.IsRevoked, Is.True);
        Assert.That(listed.RevokedAt, Is.EqualTo(revocation.Key.RevokedAt));
    }

    [Test]
    public async Task RevokeAsync_Twice_SecondReportsAlreadyRevokedAndKeepsTheFirstTime()
    {
        var created = await _store.CreateAsync(_acme, "ci", CancellationToken.None);
        var first = await _store.RevokeAsync(_acme, created.Prefix, CancellationToken.None);

        var second = await _store.RevokeAsync(_acme, created.Prefix, CancellationToken.None);

        Assert.That(second.Outcome, Is.EqualTo(ApiKeyRevokeOutcome.AlreadyRevoked));
        Assert.That(second.Key!.RevokedAt, Is.EqualTo(first.Key!.RevokedAt));
    }

    [TestCase("{0}")]
    [TestCase("{0}…")]
    [TestCase("{0}...")]
    [TestCase(" {0} ")]
    public async Task RevokeAsync_ByPrefixAsListed_RevokesThatKeyOnly(string format)
    {
        var target = await _store.CreateAsync(_acme, "old", CancellationToken.None);
        var other = await _store.CreateAsync(_acme, "new", CancellationToken.None);

        var revocation = await _store.RevokeAsync(_acme, string.Format(CultureInfo.InvariantCulture, format, target.Prefix), CancellationToken.None);

        Assert.That(revocation.Outcome, Is.EqualTo(ApiKeyRevokeOutcome.Revoked));
        Assert.That(await _store.ValidateAsync(target.Key, CancellationToken.None), Is.Null);
        Assert.That(await _store.ValidateAsync(other.Key, CancellationToken.None), Is.Not.Null);
    }

    [Test]
    public async Task RevokeAsync_ByTheKeyItself_RevokesIt()
    {
        var created = await _store.CreateAsync(_acme, "leaked", CancellationToken.None);

        var revocation = await _store.RevokeAsync(_acme, created.Key, CancellationToken.None);

        Assert.That(revocation.Outcome, Is.EqualTo(ApiKeyRevokeOutcome.Revoked));
        Assert.That(await _store.ValidateAsync(created.Key, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task RevokeAsync_AnotherCompanysKey_NotFoundAndTheKeyStillWorks()
    {
        var created = await _store.CreateAsync(_acme, "ci", CancellationToken.None);

        var byId = await _store.RevokeAsync(_globex, created.Id.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
        var byPrefix = await _store.RevokeAsync(_globex, created.Prefix, CancellationToken.None);
        var byKey = await _store.RevokeAsync(_globex, created.Key, CancellationToken.None);

        Assert.That(new[] { byId.Outcome, byPrefix.Outcome, byKey.Outcome }, Has.All.EqualTo(ApiKeyRevokeOutcome.NotFound));
        Assert.That(await _store.ValidateAsync(created.Key, CancellationToken.None), Is.Not.Null);
    }

    [TestCase("999999")]
    [TestCase("iat_zzzzzzzz")]
    [TestCase("iat_zz")]
    [TestCase("default")]
    [TestCase("-1")]
    [TestCase("")]
    public async Task RevokeAsync_NoSuchKey_NotFound(string idOrPrefix)
    {
        await _store.CreateAsync(_acme, "default", CancellationToken.None);

        var revocation = await _store.RevokeAsync(_acme, idOrPrefix, CancellationToken.None);

        Assert.That(revocation, Is.EqualTo(new ApiKeyRevocation(ApiKeyRevokeOutcome.NotFound, null)));
        Assert.That((await _store.ListAsync(_acme, CancellationToken.None)).Single().IsRevoked, Is.False);
    }

    [Test]
    public async Task ValidateAsync_KeysOfTwoCompanies_EachSpeaksForItsOwn()
    {
        var acmeKey = await _store.CreateAsync(_acme, "default", CancellationToken.None);
        var globexKey = await _store.CreateAsync(_globex, "default", CancellationToken.None);

        var acme = await _store.ValidateAsync(acmeKey.Key, CancellationToken.None);
        var globex = await _store.ValidateAsync(globexKey.Key, CancellationToken.None);

        Assert.That((acme!.CompanyId, acme.CompanyShortName), Is.EqualTo((_acme.Id, "acme")));
        Assert.That((globex!.CompanyId, globex.CompanyShortName), Is.EqualTo((_globex.Id, "globex")));
    }

    [Test]
    public async Task ValidateAsync_WellFormedUnknownKey_ReturnsNull()
    {
        await _store.CreateAsync(_acme, "default", CancellationToken.None);

        Assert.That(await _store.ValidateAsync(ApiKeyFormat.Generate(), CancellationToken.None), Is.Null);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("Bearer iat_abcdefghijABCDEFGHIJ0123456789abcdefghij")]
    [TestCase("iat_abcdefghijABCDEFGHIJ0123456789abcdefghij ")]
    [TestCase("iat_abcdefghijABCDEFGHIJ0123456789abcdefgh'j")]
    [TestCase("abcdefghijABCDEFGHIJ0123456789abcdefghij")]
    public async Task ValidateAsync_MalformedKey_RefusedWithoutTouchingTheDatabase(string? presented)
    {
        // A database that cannot be reached: any query would throw.
        await using var unreachable = new CoreDatabase(
            Options.Create(new DatabaseOptions { ConnectionString = "postgresql://postgres@127.0.0.1:1/none" }), NullLoggerFactory.Instance);
        await using var redis = new RedisConnection(Options.Create(new RedisOptions { Url = TestServices.RedisUrl }));
        var cache = new ApiKeyCache(Options.Create(new ApiKeyOptions()));
        using var revocations = new ApiKeyRevocationChannel(redis, cache, NullLogger<ApiKeyRevocationChannel>.Instance);
        var store = new ApiKeyStore(unreachable, cache, revocations, NullLogger<ApiKeyStore>.Instance);

        Assert.That(await store.ValidateAsync(presented, CancellationToken.None), Is.Null);
        var control = await Assert.ThrowsAsync<IAToolkitException>(() => store.ValidateAsync(ApiKeyFormat.Generate(), CancellationToken.None));
        Assert.That(control!.Code, Is.EqualTo(ErrorCodes.DatabaseUnavailable), "a well-formed key does query");
    }

    [Test]
    public async Task ValidateAsync_UsedAgainWithinAMinute_WritesLastUsedOnce()
    {
        var created = await _store.CreateAsync(_acme, "ci", CancellationToken.None);
        await _store.ValidateAsync(created.Key, CancellationToken.None);
        var first = await ReadUseAsync(created.Id);

        await _store.ValidateAsync(created.Key, CancellationToken.None);
        await _store.ValidateAsync(created.Key, CancellationToken.None);
        var later = await ReadUseAsync(created.Id);

        Assert.That(first.LastUsedAt, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
        Assert.That(later, Is.EqualTo(first), "same last_used_at and same row version: no write");
        Assert.That((await _store.ListAsync(_acme, CancellationToken.None)).Single().LastUsedAt, Is.EqualTo(first.LastUsedAt));
    }

    [Test]
    public async Task ValidateAsync_LastUseOverAMinuteAgo_RecordsTheNewUse()
    {
        var created = await _store.CreateAsync(_acme, "ci", CancellationToken.None);
        await using (var connection = await Database.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE iat_api_keys SET last_used_at = now() - interval '61 seconds' WHERE id = @Id", new { created.Id });
        }

        var before = await ReadUseAsync(created.Id);
        await _store.ValidateAsync(created.Key, CancellationToken.None);
        var after = await ReadUseAsync(created.Id);

        Assert.That(after.LastUsedAt, Is.GreaterThan(before.LastUsedAt!.Value.AddSeconds(60)));
    }

    [Test]
    public async Task DeletingTheCompanyRow_DeletesItsKeys()
    {
        var created = await _store.CreateAsync(_globex, "default", CancellationToken.None);
        await _store.CreateAsync(_acme, "default", CancellationToken.None);

        await using var connection = await Database.OpenAsync();
        await connection.ExecuteAsync("DELETE FROM iat_companies WHERE id = @Id", new { _globex.Id });

        Assert.That(await _store.ValidateAsync(created.Key, CancellationToken.None), Is.Null);
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM iat_api_keys"), Is.EqualTo(1));
    }

    private async Task<(DateTime? LastUsedAt, long Version)> ReadUseAsync(long id)
    {
        await using var connection = await Database.OpenAsync();
        return await connection.QuerySingleAsync<(DateTime?, long)>("SELECT last_used_at, xmin::text::bigint FROM iat_api_keys WHERE id = @Id", new { Id = id });
    }
}
