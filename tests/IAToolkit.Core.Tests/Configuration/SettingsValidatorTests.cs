using IAToolkit.Configuration;

namespace IAToolkit.Core.Tests.Configuration;

public sealed class SettingsValidatorTests
{
    private readonly SettingsValidator _validator = new();

    [Test]
    public void Validate_NothingSet_NamesEveryMissingVariable()
    {
        var failures = _validator.Validate(null, new DatabaseOptions()).Failures!
            .Concat(_validator.Validate(null, new RedisOptions()).Failures!)
            .Concat(_validator.Validate(null, new SecurityOptions()).Failures!)
            .ToList();

        Assert.That(failures, Has.Count.EqualTo(3), "FERNET_KEY is optional");
        Assert.That(failures[0], Does.StartWith("DATABASE_URI is not set"));
        Assert.That(failures[1], Does.StartWith("REDIS_URL is not set"));
        Assert.That(failures[2], Does.StartWith("IATOOLKIT_SECRET_KEY is not set"));
    }

    [Test]
    public void Validate_FernetKeyUnset_Succeeds()
    {
        Assert.That(_validator.Validate(null, new SecurityOptions { SecretKey = new string('k', 32) }).Succeeded, Is.True);
        Assert.That(_validator.Validate(null, new SecurityOptions { SecretKey = new string('k', 32), FernetKey = " " }).Succeeded, Is.True);
    }

    [TestCase("")]
    [TestCase("has space")]
    [TestCase("a:b")]
    [TestCase("ä")]
    public void Validate_BadApplicationName_IsRefused(string name)
    {
        var result = _validator.Validate(null, new SecurityOptions { SecretKey = new string('k', 32), ApplicationName = name });

        Assert.That(result.Failures, Has.Some.Contains("IAToolkit:Security:ApplicationName"));
    }

    [Test]
    public void Validate_BackoffMaxBelowStart_IsRefused()
    {
        var result = _validator.Validate(null, new SecurityOptions { SecretKey = new string('k', 32), LoginBackoffStart = TimeSpan.FromMinutes(5), LoginBackoffMax = TimeSpan.FromMinutes(1) });

        Assert.That(result.Failures, Has.Some.Contains("LoginBackoffMax"));
    }

    [Test]
    public void Validate_MalformedValues_SayWhatIsWrong()
    {
        var database = _validator.Validate(null, new DatabaseOptions { ConnectionString = "sqlite:///x.db" });
        var security = _validator.Validate(null, new SecurityOptions { SecretKey = "short", FernetKey = "not-a-key" });

        Assert.That(database.FailureMessage, Does.Contain("DATABASE_URI uses the scheme 'sqlite'"));
        Assert.That(security.Failures, Has.Some.Contains("IATOOLKIT_SECRET_KEY is too short"));
        Assert.That(security.Failures, Has.Some.Contains("FERNET_KEY is not a Fernet key"));
    }

    [Test]
    public void Validate_GoodValues_Succeed()
    {
        Assert.That(_validator.Validate(null, new DatabaseOptions { ConnectionString = "postgresql://u@h/db" }).Succeeded, Is.True);
        Assert.That(_validator.Validate(null, new RedisOptions { Url = "redis://h:6379/0" }).Succeeded, Is.True);
        Assert.That(
            _validator.Validate(null, new SecurityOptions { SecretKey = new string('k', 32), FernetKey = "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE=" }).Succeeded,
            Is.True);
    }
}
