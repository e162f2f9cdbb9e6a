using IAToolkit.SqlSources;
using IAToolkit.Testing;
using Npgsql;

namespace IAToolkit.Core.Tests.SqlSources;

public sealed class SqlSourceConnectionsTests : SqlSourceTest
{
    [Test]
    public async Task RunAsync_VariableNotSet_NamesTheVariableAndTheKeyPath()
    {
        var company = Company("""
            data_sources:
              sql:
                - { database: erp, connection_string_env: ACME_MISSING_URI }
            """);

        var error = (await Assert.ThrowsAsync<IAToolkitException>(() => Host().Runner.RunAsync(company.Company, "erp", "SELECT 1", CancellationToken.None)))!;

        Assert.That(error.Code, Is.EqualTo(ErrorCodes.InvalidSettings));
        Assert.That(error.Message, Does.StartWith("ACME_MISSING_URI is not set: companies/acme/config/company.yaml: data_sources.sql[0].connection_string_env names it."));
    }

    [TestCase("mysql://app:topsecret@db.example/erp", "ACME_ERP_URI uses the scheme 'mysql', but IAToolkit needs PostgreSQL")]
    [TestCase("postgresql://app:topsecret@db.example:99999/erp", "ACME_ERP_URI has an invalid port '99999'")]
    [TestCase("Username=app;Password=topsecret", "ACME_ERP_URI has no Host")]
    public async Task RunAsync_VariableNotAPostgresConnection_NamesTheVariableAndKeyPathButNotTheValue(string value, string expected)
    {
        var company = Company();

        var error = (await Assert.ThrowsAsync<IAToolkitException>(() => Host(value).Runner.RunAsync(company.Company, "erp", "SELECT 1", CancellationToken.None)))!;

        Assert.That(error.Code, Is.EqualTo(ErrorCodes.InvalidSettings));
        Assert.That(error.Message, Does.StartWith(expected));
        Assert.That(error.Message, Does.EndWith("(companies/acme/config/company.yaml: data_sources.sql[0].connection_string_env names it)."));
        Assert.That(error.Message, Does.Not.Contain("topsecret"));
    }

    [Test]
    public async Task RunAsync_VariablePointsAtTheCoreDatabase_IsRefused()
    {
        var company = Company();
        var core = new NpgsqlConnectionStringBuilder(IAToolkit.Configuration.DatabaseUri.ToConnectionString(TestServices.DatabaseUri));
        // The same database written another way: keyword form, localhost for 127.0.0.1.
        var sameDatabase = $"Host=localhost;Port={core.Port};Database={core.Database};Username=someone_else";

        foreach (var value in new[] { TestServices.DatabaseUri, sameDatabase })
        {
            var error = (await Assert.ThrowsAsync<IAToolkitException>(() => Host(value).Runner.RunAsync(company.Company, "erp", "SELECT 1", CancellationToken.None)))!;

            Assert.That(error.Code, Is.EqualTo(ErrorCodes.InvalidSettings));
            Assert.That(error.Message, Is.EqualTo(
                "ACME_ERP_URI points at the IAToolkit core database: companies/acme/config/company.yaml: data_sources.sql[0].connection_string_env names it. "
                + "The SQL tool never queries the core database; point it at the company's own database."));
        }
    }

    [Test]
    public async Task RunAsync_DatabaseUnreachable_IsAnOperatorErrorWithoutSecrets()
    {
        var company = Company();
        var host = Host($"postgresql://{Role}:{Password}@127.0.0.1:1/nowhere?connect_timeout=2");

        var error = (await Assert.ThrowsAsync<IAToolkitException>(() => host.Runner.RunAsync(company.Company, "erp", "SELECT 1", CancellationToken.None)))!;

        Assert.That(error, Is.Not.InstanceOf<SqlQueryException>());
        Assert.That(error.Code, Is.EqualTo(ErrorCodes.DatabaseUnavailable));
        Assert.That(error.Message, Is.EqualTo("The database 'erp' cannot be reached right now (the connection failed). An operator should check ACME_ERP_URI and the database server."));
        Assert.That(host.Logs.Entries.Any(e => e.EventId == 1403), Is.True);
    }

    [Test]
    public void Get_SameCompanyAndDatabase_ReusesOnePool()
    {
        var acme = Company();
        var globex = Own(SqlTestCompany.Create(SqlTestCompany.Erp, "globex"));
        var connections = Host().Connections;

        var first = connections.Get(acme.Company, acme.Source());
        var second = connections.Get(acme.Company, acme.Source());
        var other = connections.Get(globex.Company, globex.Source());

        Assert.That(second, Is.SameAs(first));
        Assert.That(other, Is.Not.SameAs(first), "each company has its own pool, even for the same database name");
    }

    [Test]
    public async Task Dispose_Host_DisposesThePools()
    {
        var company = Company();
        var host = new SqlTestHost(new Dictionary<string, string?> { ["ACME_ERP_URI"] = RoleUri });
        var connections = host.Connections;
        var pool = connections.Get(company.Company, company.Source());
        await using (var connection = await pool.OpenConnectionAsync())
        {
            Assert.That(connection.State, Is.EqualTo(System.Data.ConnectionState.Open));
        }

        host.Dispose();

        await Assert.CatchAsync<ObjectDisposedException>(() => pool.OpenConnectionAsync().AsTask());
        Assert.That(() => connections.Get(company.Company, company.Source()), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public async Task OpenAsync_AsRoleWithoutSuperuser_LogsNoWarning()
    {
        var company = Company();
        var host = Host();

        await host.Runner.RunAsync(company.Company, "erp", "SELECT 1", CancellationToken.None);

        Assert.That(host.Logs.Entries.Where(e => e.EventId == 1402), Is.Empty);
        Assert.That(host.Logs.Entries.Single(e => e.EventId == 1401).Message, Does.Not.Contain(Password));
    }
}
