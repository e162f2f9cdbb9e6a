using IAToolkit.ApiKeys;

namespace IAToolkit.Core.Tests.ApiKeys;

public sealed class ApiKeyFormatTests
{
    [Test]
    public void Generate_ManyKeys_AreWellFormedAndDistinct()
    {
        var keys = Enumerable.Range(0, 1000).Select(_ => ApiKeyFormat.Generate()).ToList();

        Assert.That(keys, Is.Unique);
        Assert.That(keys, Has.All.Length.EqualTo(44).And.All.StartWith("iat_").And.All.Matches("^iat_[A-Za-z0-9]{40}$"));
        Assert.That(keys.Select(ApiKeyFormat.IsWellFormed), Has.All.True);
    }

    [Test]
    public void Generate_ManyKeys_DrawEveryCharacterEquallyOften()
    {
        // 400,000 characters over 62 symbols: about 6,452 each, standard deviation about 80. A modulo bias over a byte
        // (256 % 62 = 8) would make 8 symbols about 20% more frequent than the rest.
        var counts = Enumerable.Range(0, 10_000)
            .SelectMany(_ => ApiKeyFormat.Generate()[4..])
            .GroupBy(c => c)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.That(counts, Has.Count.EqualTo(62));
        Assert.That(counts.Values, Has.All.InRange(6452 * 0.9, 6452 * 1.1));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("iat_")]
    [TestCase("iat_abcdefghijABCDEFGHIJ0123456789abcdefghi")]
    [TestCase("iat_abcdefghijABCDEFGHIJ0123456789abcdefghijk")]
    [TestCase("xyz_abcdefghijABCDEFGHIJ0123456789abcdefghij")]
    [TestCase("IAT_abcdefghijABCDEFGHIJ0123456789abcdefghij")]
    [TestCase("iat_abcdefghijABCDEFGHIJ0123456789abcdefgh-j")]
    [TestCase("iat_abcdefghijABCDEFGHIJ0123456789abcdefgh j")]
    [TestCase("iat_abcdefghijABCDEFGHIJ0123456789abcdefghé")]
    [TestCase("abcdefghijABCDEFGHIJ0123456789abcdefghij")]
    public void IsWellFormed_NotAKey_False(string? text)
    {
        Assert.That(ApiKeyFormat.IsWellFormed(text), Is.False);
    }

    [Test]
    public void ApiKeyCreated_ToString_DoesNotRevealTheKey()
    {
        var key = ApiKeyFormat.Generate();
        var created = new ApiKeyCreated(7, key, ApiKeyFormat.PrefixOf(key), "ci");

        Assert.That(created.ToString(), Does.Not.Contain(key).And.Contain(created.Prefix).And.Contain("7"));
    }
}
