using IAToolkit.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace IAToolkit.ApiKeys;

/// <summary>
/// Tells every host that a key was revoked, so that each drops it from its <see cref="ApiKeyCache"/> at once: the
/// revoking process (a host, or the <c>api-key revoke</c> verb in a process of its own) publishes the key's SHA-256 on
/// the Redis channel <c>{prefix}api-keys:revoked</c>, and every host listens from its start. Pub/sub reaches only the
/// hosts connected at that moment; a host whose connection to Redis comes back forgets every key it holds, and in any
/// case no host trusts a key longer than <see cref="ApiKeyOptions.CacheLifetime"/>: that is how long a revoked key may
/// keep working while Redis is down.
/// </summary>
internal sealed class ApiKeyRevocationChannel : IDisposable
{
    private static readonly TimeSpan s_firstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_lastRetry = TimeSpan.FromSeconds(30);

    private readonly RedisConnection _redis;
    private readonly ApiKeyCache _cache;
    private readonly ILogger<ApiKeyRevocationChannel> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    public ApiKeyRevocationChannel(RedisConnection redis, ApiKeyCache cache, ILogger<ApiKeyRevocationChannel> logger)
    {
        _redis = redis;
        _cache = cache;
        _logger = logger;
    }

    /// <summary>Completes once this host receives revocations.</summary>
    public Task Listening => _listening.Task;

    private RedisChannel Channel => RedisChannel.Literal(_redis.KeyPrefix + "api-keys:revoked");

    /// <summary>Starts listening, in the background, unless already started or this host keeps no keys.</summary>
    public void EnsureListening()
    {
        if (!_cache.IsEnabled || Volatile.Read(ref _started) == 1 || Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        var stopping = _stopping.Token;
        _ = Task.Run(() => ListenAsync(stopping), CancellationToken.None);
    }

    /// <summary>
    /// Drops a revoked key here and tells every other host. Never throws when Redis fails: the revocation is in the
    /// database already, and the cache lifetime bounds it on hosts the message does not reach.
    /// </summary>
    public async Task PublishAsync(ApiKeyDigest digest, long keyId)
    {
        _cache.Remove(digest);
        try
        {
            var subscriber = (await _redis.GetAsync()).GetSubscriber();
            var hosts = await subscriber.PublishAsync(Channel, digest.ToHex());
            ApiKeyLog.RevocationPublished(_logger, keyId, hosts);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Redis down, or anything else on the way to it: the key is revoked all the same.
            ApiKeyLog.RevocationNotPublished(_logger, keyId, _cache.Lifetime, ex);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task ListenAsync(CancellationToken stopping)
    {
        try
        {
            var multiplexer = await _redis.GetAsync().WaitAsync(stopping);
            multiplexer.ConnectionRestored += OnConnectionRestored;

            // A client that has never connected does not report its first connection as restored: wait for it.
            var delay = s_firstRetry;
            while (!multiplexer.IsConnected)
            {
                if (delay == s_firstRetry)
                {
                    ApiKeyLog.NotListening(_logger, _cache.Lifetime, null);
                }

                await Task.Delay(delay, stopping);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, s_lastRetry.Ticks));
            }

            await multiplexer.GetSubscriber().SubscribeAsync(Channel, OnMessage);
            _listening.TrySetResult();
            ApiKeyLog.Listening(_logger, Channel.ToString());
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing above this background task would see the failure. A handler already registered stays so: the
            // client subscribes again by itself when its connection comes back.
            ApiKeyLog.NotListening(_logger, _cache.Lifetime, ex);
        }
    }

    private void OnMessage(RedisChannel channel, RedisValue message)
    {
        if (ApiKeyDigest.TryParseHex(message.ToString(), out var digest))
        {
            _cache.Remove(digest);
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        // Revocations published while this host was cut off never arrive: forget every key, not only those heard of.
        _cache.Clear();
        _listening.TrySetResult();
        ApiKeyLog.Resumed(_logger, e.ConnectionType.ToString());
    }
}
