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

        Assert.That(failures, Has.Count.EqualTo(4));
        Assert.That(failures[0], Does.StartWith("DATABASE_URI is not set"));
        Assert.That(failures[1], Does.StartWith("REDIS_URL is not set"));
        Assert.That(failures[2], Does.StartWith("IATOOLKIT_SECRET_KEY is not set"));
        Assert.That(failures[3], Does.StartWith("FERNET_KEY is not set"));
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
