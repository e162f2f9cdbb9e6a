using System.Security.Cryptography;
using System.Text;
using IAToolkit.Configuration;
using IAToolkit.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IAToolkit.Identity;

/// <summary>
/// Slows down password guessing against one account from many client addresses (the per-address limit cannot):
/// after <see cref="SecurityOptions.LoginBackoffFreeAttempts"/> failures the address must wait, and each further
/// failure doubles the wait up to <see cref="SecurityOptions.LoginBackoffMax"/>. Counted per e-mail address whether or
/// not an account has it, so the wait tells nothing about who has an account. Kept in Redis, so it holds across hosts;
/// when Redis is unreachable sign-in goes on without it.
/// </summary>
internal sealed class LoginBackoff
{
    // Counts a failure and, past the free attempts, locks the address for start * 2^(failures - free), at most max.
    private const string FailureScript = """
        local failures = redis.call('INCR', KEYS[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        local free = tonumber(ARGV[1])
        if failures >= free then
          local wait = tonumber(ARGV[2]) * (2 ^ math.min(failures - free, 30))
          wait = math.min(wait, tonumber(ARGV[3]))
          redis.call('SET', KEYS[2], '1', 'PX', math.floor(wait))
          return math.floor(wait)
        end
        return 0
        """;

    // Failures are forgotten a day after the last one.
    private static readonly TimeSpan s_memory = TimeSpan.FromDays(1);

    private readonly RedisConnection _redis;
    private readonly IOptions<SecurityOptions> _options;

    public LoginBackoff(RedisConnection redis, IOptions<SecurityOptions> options)
    {
        _redis = redis;
        _options = options;
    }

    /// <summary>How long the address must still wait, or <see langword="null"/> when it may try now.</summary>
    public async Task<TimeSpan?> WaitAsync(string email)
    {
        try
        {
            var database = (await _redis.GetAsync()).GetDatabase();
            var left = await database.KeyTimeToLiveAsync(LockKey(email));
            return left is { } wait && wait > TimeSpan.Zero ? wait : null;
        }
        catch (RedisException)
        {
            return null;
        }
    }

    /// <summary>Counts a failed attempt.</summary>
    public async Task RecordFailureAsync(string email)
    {
        var options = _options.Value;
        try
        {
            var database = (await _redis.GetAsync()).GetDatabase();
            await database.ScriptEvaluateAsync(
                FailureScript,
                [FailureKey(email), LockKey(email)],
                [options.LoginBackoffFreeAttempts, (long)options.LoginBackoffStart.TotalMilliseconds, (long)options.LoginBackoffMax.TotalMilliseconds, (long)s_memory.TotalMilliseconds]);
        }
        catch (RedisException)
        {
            // Without Redis there is only the per-address limit.
        }
    }

    /// <summary>Forgets the failures after a correct password.</summary>
    public async Task ResetAsync(string email)
    {
        try
        {
            var database = (await _redis.GetAsync()).GetDatabase();
            await database.KeyDeleteAsync([FailureKey(email), LockKey(email)]);
        }
        catch (RedisException)
        {
            // Nothing to forget when nothing could be counted.
        }
    }

    private RedisKey FailureKey(string email) => $"{_redis.KeyPrefix}login-backoff:{{{Hash(email)}}}:failures";

    private RedisKey LockKey(string email) => $"{_redis.KeyPrefix}login-backoff:{{{Hash(email)}}}:wait";

    // Keys carry no address in the clear.
    private static string Hash(string email) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email)));
}
