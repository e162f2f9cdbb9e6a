using IAToolkit.Configuration;
using IAToolkit.Redis;
using IAToolkit.Testing;
using Microsoft.Extensions.Options;

namespace IAToolkit.Core.Tests.Redis;

/// <summary>The quotas behind the mail tool's send rates, against the real Redis.</summary>
[Category("Security")]
public sealed class RedisSlidingWindowLimiterTests
{
    [Test]
    public async Task TryAcquire_UpToTheLimit_ThenRefusedWithTheWaitUntilTheOldestLeaves()
    {
        await using var redis = Connect();
        var limiter = new RedisSlidingWindowLimiter(redis);

        var results = new List<(TimeSpan, int)?>();
        for (var i = 0; i < 4; i++)
        {
            results.Add(await limiter.TryAcquireAsync("t", [("user:a", 3)], TimeSpan.FromMinutes(10)));
        }

        Assert.That(results.Take(3), Is.All.Null);
        Assert.That(results[3]!.Value.Item1, Is.InRange(TimeSpan.FromMinutes(9.9), TimeSpan.FromMinutes(10)));
    }

    [Test]
    public async Task TryAcquire_OneQuotaFull_NothingIsCountedAgainstTheOthers()
    {
        await using var redis = Connect();
        var limiter = new RedisSlidingWindowLimiter(redis);
        var window = TimeSpan.FromMinutes(10);
        await limiter.TryAcquireAsync("t", [("company:x", 1)], window);

        // The company is full: the user's quota must not be spent by the refused attempts.
        for (var i = 0; i < 5; i++)
        {
            var refused = await limiter.TryAcquireAsync("t", [("user:b", 2), ("company:x", 1)], window);
            Assert.That(refused?.Quota, Is.EqualTo(1), "the company quota is the one that waits");
        }

        Assert.That(await limiter.TryAcquireAsync("t", [("user:b", 2)], window), Is.Null);
        Assert.That(await limiter.TryAcquireAsync("t", [("user:b", 2)], window), Is.Null, "both of the user's slots were still free");
        Assert.That(await limiter.TryAcquireAsync("t", [("user:b", 2)], window), Is.Not.Null);
    }

    [Test]
    public async Task TryAcquire_WindowSlides_ASlotFreesWhenItsActionLeaves()
    {
        await using var redis = Connect();
        var limiter = new RedisSlidingWindowLimiter(redis);
        var window = TimeSpan.FromSeconds(1.5);

        Assert.That(await limiter.TryAcquireAsync("t", [("user:c", 1)], window), Is.Null);
        Assert.That(await limiter.TryAcquireAsync("t", [("user:c", 1)], window), Is.Not.Null);
        await Task.Delay(TimeSpan.FromSeconds(1.7));

        Assert.That(await limiter.TryAcquireAsync("t", [("user:c", 1)], window), Is.Null);
    }

    [Test]
    public async Task TryAcquire_ConcurrentCallers_NeverMoreThanTheLimit()
    {
        await using var redis = Connect();
        var limiter = new RedisSlidingWindowLimiter(redis);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => limiter.TryAcquireAsync("t", [("user:d", 10), ("company:d", 12)], TimeSpan.FromMinutes(5))));

        Assert.That(results.Count(r => r is null), Is.EqualTo(10));
    }

    private static RedisConnection Connect()
        => new(Options.Create(new RedisOptions { Url = TestServices.RedisUrl, KeyPrefix = $"iat-test-{Guid.NewGuid():N}:" }));
}
