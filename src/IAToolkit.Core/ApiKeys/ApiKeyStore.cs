using System.Globalization;
using Dapper;
using IAToolkit.Companies;
using IAToolkit.Database;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IAToolkit.ApiKeys;

/// <summary>
/// Creates, lists, revokes and validates API keys. A key is stored only as its SHA-256 and is bound to one company;
/// every query about a company's keys filters on its id. Validation goes through the host's <see cref="ApiKeyCache"/>;
/// revocation clears that cache on every host.
/// </summary>
internal sealed class ApiKeyStore
{
    private const int MaxNameLength = 100;

    // A prefix collision within a company (1 in 62^8 per pair of keys) makes the insert fail; a new key fixes it.
    private const int CreateAttempts = 3;

    private const string InsertSql = """
        INSERT INTO iat_api_keys (company_id, name, prefix, key_hash)
        VALUES (@CompanyId, @Name, @Prefix, @KeyHash)
        RETURNING id
        """;

    private const string ListSql = """
        SELECT id, name, prefix, created_at, last_used_at, revoked_at
        FROM iat_api_keys
        WHERE company_id = @CompanyId
        ORDER BY id
        """;

    // Only one of @Id, @Prefix and @KeyHash is set; a comparison with the others' null is never true.
    private const string RevokeSql = """
        UPDATE iat_api_keys
        SET revoked_at = now()
        WHERE company_id = @CompanyId
          AND (id = @Id OR prefix = @Prefix OR key_hash = @KeyHash)
          AND revoked_at IS NULL
        RETURNING id, name, prefix, created_at, last_used_at, revoked_at, key_hash
        """;

    private const string FindSql = """
        SELECT id, name, prefix, created_at, last_used_at, revoked_at
        FROM iat_api_keys
        WHERE company_id = @CompanyId
          AND (id = @Id OR prefix = @Prefix OR key_hash = @KeyHash)
        """;

    // stale: last_used_at is older than a minute by the database's clock, so every host agrees.
    private const string ValidateSql = """
        SELECT k.id AS key_id,
               k.company_id,
               c.short_name AS company_short_name,
               (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute') AS stale
        FROM iat_api_keys k
        JOIN iat_companies c ON c.id = k.company_id
        WHERE k.key_hash = @KeyHash
          AND k.revoked_at IS NULL
        """;

    // The condition is repeated so that two hosts touching the same key at once write once.
    private const string TouchSql = """
        UPDATE iat_api_keys
        SET last_used_at = now()
        WHERE company_id = @CompanyId
          AND id = @KeyId
          AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
        """;

    private readonly CoreDatabase _database;
    private readonly ApiKeyCache _cache;
    private readonly ApiKeyRevocationChannel _revocations;
    private readonly ILogger<ApiKeyStore> _logger;
    private readonly Func<ApiKeyDigest, CancellationToken, Task<ApiKeyIdentity?>> _lookup;

    public ApiKeyStore(CoreDatabase database, ApiKeyCache cache, ApiKeyRevocationChannel revocations, ILogger<ApiKeyStore> logger)
    {
        _database = database;
        _cache = cache;
        _revocations = revocations;
        _logger = logger;
        _lookup = LookupAsync;
    }

    /// <summary>Creates a key for <paramref name="company"/>. The result holds the key; nothing else ever will.</summary>
    /// <exception cref="IAToolkitException">Code <c>invalid_request</c> when the name is empty or too long.</exception>
    public async Task<ApiKeyCreated> CreateAsync(Company company, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        name = ValidName(name);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var key = ApiKeyFormat.Generate();
            var prefix = ApiKeyFormat.PrefixOf(key);
            try
            {
                var parameters = new { CompanyId = company.Id, Name = name, Prefix = prefix, KeyHash = ApiKeyFormat.Hash(key) };
                var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, parameters, cancellationToken: cancellationToken));
                ApiKeyLog.Created(_logger, id, prefix, name, company.ShortName);
                return new ApiKeyCreated(id, key, prefix, name);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && attempt < CreateAttempts)
            {
                // Loop: another key has another prefix.
            }
        }
    }

    /// <summary>The company's keys, oldest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(Company company, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ApiKeyInfo>(new CommandDefinition(ListSql, new { CompanyId = company.Id }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>
    /// Revokes one of the company's keys, named by its id, its prefix (as listings show it) or the key itself.
    /// Revoking a revoked key changes nothing and says so; another company's key is not found. Every host is told at
    /// once to stop trusting the key it may have cached (<see cref="ApiKeyRevocationChannel"/>).
    /// </summary>
    public async Task<ApiKeyRevocation> RevokeAsync(Company company, string idOrPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        var target = Target(company.Id, idOrPrefix);
        if (target is null)
        {
            return new ApiKeyRevocation(ApiKeyRevokeOutcome.NotFound, null);
        }

        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RevokedRow>(new CommandDefinition(RevokeSql, target, cancellationToken: cancellationToken));
        if (row is not null)
        {
            ApiKeyLog.Revoked(_logger, row.Id, row.Prefix, company.ShortName);

            // After the commit, so that no host can read the key as valid again once it has heard.
            await _revocations.PublishAsync(ApiKeyDigest.FromHash(row.KeyHash), row.Id);
            var revoked = new ApiKeyInfo(row.Id, row.Name, row.Prefix, row.CreatedAt, row.LastUsedAt, row.RevokedAt);
            return new ApiKeyRevocation(ApiKeyRevokeOutcome.Revoked, revoked);
        }

        var existing = await connection.QuerySingleOrDefaultAsync<ApiKeyInfo>(new CommandDefinition(FindSql, target, cancellationToken: cancellationToken));
        return existing is null
            ? new ApiKeyRevocation(ApiKeyRevokeOutcome.NotFound, null)
            : new ApiKeyRevocation(ApiKeyRevokeOutcome.AlreadyRevoked, existing);
    }

    /// <summary>
    /// The company a presented key speaks for, or <see langword="null"/> when the key is malformed (refused without a
    /// query), unknown or revoked. A valid key is trusted for <see cref="ApiKeyOptions.CacheLifetime"/> without a query;
    /// its use is recorded, at most once a minute, when the database is asked again.
    /// </summary>
    public async Task<ApiKeyIdentity?> ValidateAsync(string? presentedKey, CancellationToken cancellationToken)
    {
        if (!ApiKeyFormat.IsWellFormed(presentedKey))
        {
            ApiKeyLog.Malformed(_logger);
            return null;
        }

        var identity = await _cache.GetAsync(ApiKeyDigest.Of(presentedKey!), _lookup, cancellationToken);
        if (identity is null)
        {
            ApiKeyLog.Unknown(_logger);
        }

        return identity;
    }

    /// <summary>
    /// Asks the database. The cache asks at least once per lifetime for a key in use, so recording the use here keeps
    /// <c>last_used_at</c> within a minute plus the lifetime of the last use, with no write on a cached request.
    /// </summary>
    private async Task<ApiKeyIdentity?> LookupAsync(ApiKeyDigest digest, CancellationToken cancellationToken)
    {
        // Before the read: a revocation published after it must find this host listening.
        _revocations.EnsureListening();
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ValidRow>(new CommandDefinition(
            ValidateSql, new { KeyHash = digest.ToArray() }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        if (row.Stale)
        {
            await connection.ExecuteAsync(new CommandDefinition(TouchSql, new { row.CompanyId, row.KeyId }, cancellationToken: cancellationToken));
        }

        return new ApiKeyIdentity(row.KeyId, row.CompanyId, row.CompanyShortName);
    }

    private static string ValidName(string? name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            throw new IAToolkitException(ErrorCodes.InvalidRequest, $"An API key name must have 1 to {MaxNameLength} characters.");
        }

        return trimmed;
    }

    /// <summary>The query parameters naming one key, or <see langword="null"/> when the text can name none.</summary>
    private static RevokeTarget? Target(long companyId, string idOrPrefix)
    {
        // Listings may be copied with the ellipsis that marks a prefix.
        var text = idOrPrefix.Trim().TrimEnd('…', '.');
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return new RevokeTarget(companyId, id, null, null);
        }

        if (ApiKeyFormat.IsWellFormed(text))
        {
            return new RevokeTarget(companyId, null, null, ApiKeyFormat.Hash(text));
        }

        return ApiKeyFormat.IsPrefix(text) ? new RevokeTarget(companyId, null, text, null) : null;
    }

    private sealed record RevokeTarget(long CompanyId, long? Id, string? Prefix, byte[]? KeyHash);

    private sealed record RevokedRow(long Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt, byte[] KeyHash);

    private sealed record ValidRow(long KeyId, long CompanyId, string CompanyShortName, bool Stale);
}
