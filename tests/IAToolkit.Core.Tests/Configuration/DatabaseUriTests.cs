using IAToolkit.Configuration;
using Npgsql;

namespace IAToolkit.Core.Tests.Configuration;

public sealed class DatabaseUriTests
{
    [Test]
    public void ToConnectionString_PostgresUrlWithEverything_MapsEachPart()
    {
        var cs = new NpgsqlConnectionStringBuilder(DatabaseUri.ToConnectionString("postgresql://app%40corp:p%3Ass%2Fw@db.example.com:6543/iat%20core?sslmode=verify-full&application_name=web"));

        Assert.That(cs.Host, Is.EqualTo("db.example.com"));
        Assert.That(cs.Port, Is.EqualTo(6543));
        Assert.That(cs.Username, Is.EqualTo("app@corp"));
        Assert.That(cs.Password, Is.EqualTo("p:ss/w"));
        Assert.That(cs.Database, Is.EqualTo("iat core"));
        Assert.That(cs.SslMode, Is.EqualTo(SslMode.VerifyFull));
        Assert.That(cs.ApplicationName, Is.EqualTo("web"));
    }

    [TestCase("postgres://u@h/db")]
    [TestCase("postgresql+psycopg2://u@h/db")]
    public void ToConnectionString_PythonDeploymentSchemes_AreAccepted(string uri)
    {
        var cs = new NpgsqlConnectionStringBuilder(DatabaseUri.ToConnectionString(uri));

        Assert.That((cs.Host, cs.Port, cs.Username, cs.Database), Is.EqualTo(("h", 5432, "u", "db")));
    }

    [Test]
    public void ToConnectionString_KeywordForm_IsKept()
    {
        var cs = new NpgsqlConnectionStringBuilder(DatabaseUri.ToConnectionString("Host=localhost;Port=5433;Database=x;Username=y"));

        Assert.That((cs.Host, cs.Port, cs.Database, cs.Username), Is.EqualTo(("localhost", 5433, "x", "y")));
    }

    [Test]
    public void ToConnectionString_IPv6AndSeveralHosts_AreUnderstood()
    {
        Assert.That(new NpgsqlConnectionStringBuilder(DatabaseUri.ToConnectionString("postgresql://u@[::1]:5440/d")).Host, Is.EqualTo("::1"));
        Assert.That(new NpgsqlConnectionStringBuilder(DatabaseUri.ToConnectionString("postgresql://u@a:1,b:2/d")).Host, Is.EqualTo("a:1,b:2"));
    }

    [TestCase("mysql://u:secretpw@h/db", "mysql")]
    [TestCase("postgresql://u:secretpw@h:99999/db", "port")]
    [TestCase("postgresql://u:secretpw@/db", "host")]
    [TestCase("postgresql://u:secretpw@h/db?nonsense_param=1", "nonsense_param")]
    [TestCase("", "empty")]
    public void ToConnectionString_Invalid_ThrowsWithoutRevealingThePassword(string uri, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => DatabaseUri.ToConnectionString(uri));

        Assert.That(ex!.Message, Does.Contain(expected));
        Assert.That(ex.Message, Does.Not.Contain("secretpw"));
    }
}
