using System.Security.Cryptography;
using IAToolkit.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace IAToolkit.Identity;

/// <summary>
/// The security stamps that session cookies carry. A local user's stamp lives in <c>iat_users.security_stamp</c> and
/// is cached in Redis, so checking it on every request costs one Redis read; an external (portal) user has no row, so
/// their stamp lives in Redis only. A sign-out or password change writes the new stamp to the database and then
/// over the cached one, so every host refuses the old sessions from the next request on.
/// </summary>
internal sealed partial class SessionStamps
{
    // Long enough to spare the database, short enough that a stamp nobody asks for leaves Redis.
    private static readonly TimeSpan s_cacheLifetime = TimeSpan.FromHours(1);

    // An external user's stamp must outlive any session that carries it (sessions slide, so this is generous).
    private static readonly TimeSpan s_externalLifetime = TimeSpan.FromDays(30);

    private readonly RedisConnection _redis;
    private readonly UserStore _users;
    private readonly ILogger<SessionStamps> _logger;

    public SessionStamps(RedisConnection redis, UserStore users, ILogger<SessionStamps> logger)
    {
        _redis = redis;
        _users = users;
        _logger = logger;
    }

    /// <summary>A new random stamp.</summary>
    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The current stamp of a local user; <see langword="null"/> when the user no longer exists.</summary>
    public async Task<string?> ForUserAsync(long userId, CancellationToken cancellationToken)
    {
        var key = UserKey(userId);
        try
        {
            var database = (await _redis.GetAsync()).GetDatabase();
            var cached = await database.StringGetAsync(key);
            if (cached.HasValue)
            {
                return cached.ToString();
            }

            var stored = await _users.GetStampAsync(userId, cancellationToken);
            if (stored is not null)
            {
                // Only when absent: a renewal written meanwhile must not be overwritten by the value read before it.
                await database.StringSetAsync(key, stored, s_cacheLifetime, When.NotExists);
            }

            return stored;
        }
        catch (RedisException ex)
        {
            StampCacheUnavailable(_logger, ex.Message);
            return await _users.GetStampAsync(userId, cancellationToken);
        }
    }

    /// <summary>Ends every session of a local user: a new stamp in the database, then in Redis.</summary>
    public async Task RenewForUserAsync(long userId, CancellationToken cancellationToken)
    {
        var stamp = NewStamp();
        await _users.SetStampAsync(userId, stamp, cancellationToken);
        await PublishAsync(userId, stamp);
    }

    /// <summary>Puts a stamp already written to the database (by a password change) in Redis.</summary>
    public async Task PublishAsync(long userId, string stamp)
    {
        try
        {
            var database = (await _redis.GetAsync()).GetDatabase();
            await database.StringSetAsync(UserKey(userId), stamp, s_cacheLifetime);
        }
        catch (RedisException ex)
        {
            // The database has the new stamp; a cached old one lives on until it expires (an hour at most).
            StampCacheUnavailable(_logger, ex.Message);
        }
    }

    /// <summary>The stamp of an external user, made when they first sign in.</summary>
    public async Task<string> ForExternalUserAsync(string company, string userIdentifier, string? claimed)
    {
        var key = ExternalKey(company, userIdentifier);
        try
        {
            var database = (await _redis.GetAsync()).GetDatabase();
            // Checked on every request: one read, and a write only when the user has no stamp yet.
            var current = await database.StringGetAsync(key);
            if (current.HasValue)
            {
                return current.ToString();
            }

            await database.StringSetAsync(key, claimed ?? NewStamp(), s_externalLifetime, When.NotExists);
            return (await database.StringGetAsync(key)).ToString();
        }
        catch (RedisException ex)
        {
            // No Redis, no check: an external session is accepted rather than everyone locked out.
            StampCacheUnavailable(_logger, ex.Message);
            return claimed ?? NewStamp();
        }
    }

    /// <summary>Ends every session of an external user.</summary>
    public async Task RenewForExternalUserAsync(string company, string userIdentifier)
    {
        try
        {
            var database = (await _redis.GetAsync()).GetDatabase();
            await database.StringSetAsync(ExternalKey(company, userIdentifier), NewStamp(), s_externalLifetime);
        }
        catch (RedisException ex)
        {
            // Without Redis an external session is not checked at all (above), so there is nothing to renew.
            StampCacheUnavailable(_logger, ex.Message);
        }
    }

    private RedisKey UserKey(long userId) => $"{_redis.KeyPrefix}session-stamp:user:{userId}";

    // The identifier is the portal's, any text: hashed so that it cannot shape the key.
    private RedisKey ExternalKey(string company, string userIdentifier)
        => $"{_redis.KeyPrefix}session-stamp:external:{company}:{Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userIdentifier)))}";

    [LoggerMessage(2310, LogLevel.Warning, "Redis could not be used for session stamps; the database answers instead: {Reason}")]
    private static partial void StampCacheUnavailable(ILogger logger, string reason);
}
