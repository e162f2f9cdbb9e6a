using System.Text.RegularExpressions;
using IAToolkit.Companies;
using IAToolkit.Identity;
using IAToolkit.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IAToolkit.Downloads;

/// <summary>
/// Short-lived downloads of the files the assistant generates (spreadsheets, a company tool's reports), kept in Redis:
/// one hash per file under <c>{KeyPrefix}download:{sha256(token)}</c>, expiring with the link. A file opens only for
/// the company and the user it was made for; to anyone else a token is indistinguishable from one that never existed.
/// Losing Redis loses only links that were about to expire anyway.
/// </summary>
internal sealed partial class DownloadStore
{
    private static readonly RedisValue CompanyField = "company";
    private static readonly RedisValue OwnerField = "owner";
    private static readonly RedisValue NameField = "name";
    private static readonly RedisValue TypeField = "type";
    private static readonly RedisValue ExpiresField = "expires";
    private static readonly RedisValue ContentField = "content";
    private static readonly RedisValue[] AllFields = [CompanyField, OwnerField, NameField, TypeField, ExpiresField, ContentField];

    private readonly RedisConnection _redis;
    private readonly DownloadOptions _options;
    private readonly ILogger<DownloadStore> _logger;

    internal DownloadStore(RedisConnection redis, IOptions<DownloadOptions> options, ILogger<DownloadStore> logger)
    {
        _redis = redis;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>
    /// Stores a file for <paramref name="ownerUserIdentifier"/> of <paramref name="company"/> and returns the token that
    /// opens it, valid for <paramref name="lifetime"/> (default <see cref="DownloadOptions.Lifetime"/>). The file name is
    /// made safe (no directories; letters, digits, space, <c>-</c>, <c>_</c>, <c>.</c>).
    /// </summary>
    /// <exception cref="IAToolkitException"><see cref="ErrorCodes.DownloadTooLarge"/> when the file exceeds <see cref="DownloadOptions.MaxBytes"/>.</exception>
    /// <exception cref="ArgumentException">An empty user, a content type that is not <c>type/subtype</c>, or a lifetime out of range.</exception>
    /// <exception cref="RedisException">Redis cannot be reached.</exception>
    public async Task<DownloadTicket> SaveAsync(Company company, string ownerUserIdentifier, string fileName, string contentType, ReadOnlyMemory<byte> content, TimeSpan? lifetime)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerUserIdentifier);
        if (!MediaType().IsMatch(contentType ?? string.Empty))
        {
            throw new ArgumentException($"'{contentType}' is not a media type such as text/csv or application/pdf.", nameof(contentType));
        }

        var ttl = lifetime ?? _options.Lifetime;
        if (ttl < TimeSpan.FromSeconds(1) || ttl > _options.MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), ttl, $"A download lives between one second and {_options.MaxLifetime}.");
        }

        if (content.Length > _options.MaxBytes)
        {
            throw new IAToolkitException(ErrorCodes.DownloadTooLarge,
                $"The file is {content.Length / (1024.0 * 1024):0.#} MB; downloads are limited to {_options.MaxBytes / (1024.0 * 1024):0.#} MB.");
        }

        var token = SecureTokens.Create();
        var safeName = DownloadFileName.Sanitize(fileName, "download");
        var expiresAt = DateTimeOffset.UtcNow + ttl;
        var database = (await _redis.GetAsync()).GetDatabase();
        var transaction = database.CreateTransaction();
        var key = KeyOf(token);
        _ = transaction.HashSetAsync(key,
        [
            new(CompanyField, company.Id),
            new(OwnerField, ownerUserIdentifier),
            new(NameField, safeName),
            new(TypeField, contentType),
            new(ExpiresField, expiresAt.ToUnixTimeMilliseconds()),
            new(ContentField, content),
        ]);
        _ = transaction.KeyExpireAsync(key, ttl);
        await transaction.ExecuteAsync();

        DownloadLog.Saved(_logger, company.ShortName, safeName, content.Length, ttl);
        return new DownloadTicket(token, safeName, contentType!, content.Length, expiresAt);
    }

    /// <summary>
    /// The file behind <paramref name="token"/>, if it has not expired and was saved for this company and this user;
    /// otherwise <see langword="null"/>, the same for a token that is malformed (refused before Redis is asked),
    /// unknown, expired, or someone else's.
    /// </summary>
    /// <exception cref="RedisException">Redis cannot be reached (never for a malformed token).</exception>
    public async Task<StoredDownload?> OpenAsync(Company company, string requesterUserIdentifier, string token)
    {
        ArgumentNullException.ThrowIfNull(company);
        if (!SecureTokens.IsWellFormed(token) || string.IsNullOrWhiteSpace(requesterUserIdentifier))
        {
            return null;
        }

        var database = (await _redis.GetAsync()).GetDatabase();
        var values = await database.HashGetAsync(KeyOf(token), AllFields);
        if (values[0].IsNull)
        {
            DownloadLog.NotFound(_logger, company.ShortName);
            return null;
        }

        if ((long)values[0] != company.Id || !string.Equals(values[1], requesterUserIdentifier, StringComparison.Ordinal))
        {
            DownloadLog.Refused(_logger, company.ShortName);
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds((long)values[4]);
        return new StoredDownload(values[2].ToString(), values[3].ToString(), (byte[])values[5]!, expiresAt);
    }

    private RedisKey KeyOf(string token)
        => $"{_redis.KeyPrefix}download:{Convert.ToHexStringLower(SecureTokens.Hash(token))}";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}(;\s?[A-Za-z0-9_-]+=[A-Za-z0-9_.-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex MediaType();
}
