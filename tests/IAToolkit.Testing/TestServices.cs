using NUnit.Framework;

namespace IAToolkit.Testing;

/// <summary>
/// The local services the tests use, as <c>./dev services env</c> prints them. A missing service fails the test
/// under <c>CI=true</c> and is reported as ignored otherwise (so a unit-only run still works).
/// </summary>
public static class TestServices
{
    /// <summary>Whether the tests run in CI, where every service must be present.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The core database URL of the local PostgreSQL (a test creates its own database beside it).</summary>
    public static string DatabaseUri => Require("DATABASE_URI", "PostgreSQL");

    /// <summary>The local Redis URL.</summary>
    public static string RedisUrl => Require("REDIS_URL", "Redis");

    /// <summary>The host of the local SMTP sink (smtp4dev).</summary>
    public static string SmtpHost => Require("SMTP_HOST", "smtp4dev");

    /// <summary>The SMTP port of the local SMTP sink.</summary>
    public static string SmtpPort => Require("SMTP_PORT", "smtp4dev");

    /// <summary>The IMAP port of the local SMTP sink, where the messages it received can be read (any login is accepted).</summary>
    public static int SmtpImapPort => int.Parse(Require("SMTP_IMAP_PORT", "smtp4dev"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The web UI and REST API of the local SMTP sink, e.g. <c>http://127.0.0.1:52080</c>.</summary>
    public static string SmtpWebUrl => Require("SMTP_WEB_URL", "smtp4dev");

    /// <summary>A secret key good enough for tests.</summary>
    public const string SecretKey = "test-secret-key-0123456789abcdef0123456789abcdef";

    /// <summary>A valid Fernet key for tests (32 zero bytes would do, but this reads as a real one).</summary>
    public const string FernetKey = "dGVzdC1mZXJuZXQta2V5LTAxMjM0NTY3ODlhYmNkZWY=";

    /// <summary>Reads a variable the service script sets, or fails/ignores the test when it is missing.</summary>
    public static string Require(string variable, string service)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        var message = $"{service} is not available: {variable} is not set. Run the tests with ./dev test (it starts the local services).";
        if (IsCi)
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
        return string.Empty;
    }
}
