using IAToolkit.Configuration;

namespace IAToolkit.Core.Tests.Configuration;

public sealed class RedisUrlTests
{
    [Test]
    public void ToConfigurationOptions_UrlWithPasswordAndDatabase_MapsEachPart()
    {
        var options = RedisUrl.ToConfigurationOptions("redis://:s%40cret@cache.internal:6380/3");

        Assert.That(RedisUrl.Describe(options.EndPoints.Single()), Is.EqualTo("cache.internal:6380"));
        Assert.That(options.Password, Is.EqualTo("s@cret"));
        Assert.That(options.DefaultDatabase, Is.EqualTo(3));
        Assert.That(options.Ssl, Is.False);
        Assert.That(options.AbortOnConnectFail, Is.False, "the host must start while Redis is down");
    }

    [Test]
    public void ToConfigurationOptions_Rediss_TurnsOnTls()
    {
        var options = RedisUrl.ToConfigurationOptions("rediss://user:pw@h");

        Assert.That((options.Ssl, options.User, RedisUrl.Describe(options.EndPoints.Single())), Is.EqualTo((true, "user", "h:6379")));
    }

    [Test]
    public void ToConfigurationOptions_StackExchangeForm_IsAccepted()
    {
        var options = RedisUrl.ToConfigurationOptions("localhost:6379,password=x");

        Assert.That(options.Password, Is.EqualTo("x"));
    }

    [TestCase("http://h:1", "scheme")]
    [TestCase("redis://h/notanumber", "database")]
    [TestCase(" ", "empty")]
    public void ToConfigurationOptions_Invalid_SaysWhy(string url, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => RedisUrl.ToConfigurationOptions(url));

        Assert.That(ex!.Message, Does.Contain(expected));
    }
}
