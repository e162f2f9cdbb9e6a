using System.Text.Json;
using IAToolkit.Redis;
using StackExchange.Redis;

namespace IAToolkit.Identity;

/// <summary>
/// Short-lived, single-use tokens that sign a portal's user in (external login). They live in Redis under the hash
/// of the token; redeeming is one GETDEL, so a token works once even with several hosts. A marker kept for an hour
/// after use tells a reused link from an expired one.
/// </summary>
internal sealed class ExternalLoginTokens
{
    private static readonly TimeSpan s_usedMarkerLifetime = TimeSpan.FromHours(1);
    private readonly RedisConnection _redis;

    public ExternalLoginTokens(RedisConnection redis) => _redis = redis;

    public async Task<string> IssueAsync(ExternalLoginTicket ticket, TimeSpan lifetime)
    {
        var token = SecureTokens.Create();
        var database = (await _redis.GetAsync()).GetDatabase();
        await database.StringSetAsync(Key(token), JsonSerializer.Serialize(ticket), lifetime);
        return token;
    }

    public async Task<ExternalLoginRedemption> RedeemAsync(string token, string companyShortName)
    {
        if (!SecureTokens.IsWellFormed(token))
        {
            return new ExternalLoginRedemption(TokenStatus.Invalid);
        }

        var database = (await _redis.GetAsync()).GetDatabase();
        var value = await database.StringGetDeleteAsync(Key(token));
        if (value.IsNull)
        {
            return new ExternalLoginRedemption(await database.KeyExistsAsync(UsedKey(token)) ? TokenStatus.AlreadyUsed : TokenStatus.Expired);
        }

        await database.StringSetAsync(UsedKey(token), 1, s_usedMarkerLifetime);
        var ticket = JsonSerializer.Deserialize<ExternalLoginTicket>(value.ToString());
        return ticket is not null && ticket.CompanyShortName == companyShortName
            ? new ExternalLoginRedemption(TokenStatus.Redeemed, ticket)
            : new ExternalLoginRedemption(TokenStatus.Invalid);
    }

    private RedisKey Key(string token) => $"{_redis.KeyPrefix}extlogin:{Convert.ToHexStringLower(SecureTokens.Hash(token))}";

    private RedisKey UsedKey(string token) => $"{_redis.KeyPrefix}extlogin-used:{Convert.ToHexStringLower(SecureTokens.Hash(token))}";
}
