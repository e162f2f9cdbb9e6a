using System.Net;
using System.Text.Json;
using IAToolkit.Testing;
using Npgsql;

namespace IAToolkit.AspNet.Tests;

/// <summary><c>/health/ready</c> fails while a company's SQL source logs in as a privileged role, and says which and why.</summary>
[Category("Security")]
public sealed class SqlSourceHealthTests : DatabaseTest
{
    private string? _superuser;

    [TearDown]
    public async Task DropRoleAsync()
    {
        if (_superuser is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = await Database.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS {_superuser}", connection);
            await drop.ExecuteNonQueryAsync();
            _superuser = null;
        }
    }

    [Test]
    public async Task Ready_SqlSourceAsSuperuser_Returns503NamingTheSourceAndTheReason()
    {
        var uri = await SuperuserUriAsync();
        await using var factory = new SampleHostFactory(Database.Uri, new Dictionary<string, string?> { ["IAToolkit:Endpoints:HealthDetails"] = "true", ["SAMPLE_DATABASE_URI"] = uri });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        var (status, error) = await SqlCheckAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(status, Is.EqualTo("Unhealthy"));
        Assert.That(error, Does.StartWith($"sample_company/sample_database: The SQL tool refuses to query the database 'sample_database': the role '{_superuser}' is a superuser (SAMPLE_DATABASE_URI;"));
        Assert.That(error, Does.Contain("An operator must point SAMPLE_DATABASE_URI at a login role that can only SELECT"));
        Assert.That(error, Does.Not.Contain("pw-9931"), "never the connection string");
    }

    [Test]
    public async Task Ready_SqlSourceAsSuperuserWithTheOptOut_Returns200Degraded()
    {
        var uri = await SuperuserUriAsync();
        await using var factory = new SampleHostFactory(Database.Uri, new Dictionary<string, string?>
        {
            ["IAToolkit:Endpoints:HealthDetails"] = "true",
            ["SAMPLE_DATABASE_URI"] = uri,
            ["IAToolkit:Sql:AllowPrivilegedRoles"] = "true",
        });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        var (status, error) = await SqlCheckAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(status, Is.EqualTo("Degraded"));
        Assert.That(error, Does.Contain("because IAToolkit:Sql:AllowPrivilegedRoles is true"));
    }

    [Test]
    public async Task Ready_SqlSourceAsCoreUser_Returns503()
    {
        // The core database's own credentials, on another database of the same server.
        var core = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
        await using var factory = new SampleHostFactory(Database.Uri, new Dictionary<string, string?> { ["IAToolkit:Endpoints:HealthDetails"] = "true", ["SAMPLE_DATABASE_URI"] = $"postgresql://{core.Username}@{core.Host}:{core.Port}/postgres" });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        var (status, error) = await SqlCheckAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(status, Is.EqualTo("Unhealthy"));
        Assert.That(error, Does.Contain("SAMPLE_DATABASE_URI logs in as the IAToolkit core database's user"));
    }

    [Test]
    public async Task Ready_SqlSourceAsReadOnlyRole_Returns200Healthy()
    {
        await using var sample = await TestDatabase.CreateAsync();
        await using var reader = await ReadOnlyRole.CreateAsync(sample);
        await using var factory = new SampleHostFactory(Database.Uri, new Dictionary<string, string?> { ["IAToolkit:Endpoints:HealthDetails"] = "true", ["SAMPLE_DATABASE_URI"] = reader.Uri });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        var (status, _) = await SqlCheckAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(status, Is.EqualTo("Healthy"));
    }

    private async Task<string> SuperuserUriAsync()
    {
        _superuser = "iat_su_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = await Database.OpenAsync())
        {
            await using var create = new NpgsqlCommand($"CREATE ROLE {_superuser} LOGIN SUPERUSER PASSWORD 'pw-9931'", connection);
            await create.ExecuteNonQueryAsync();
        }

        var target = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
        // Another database than the core one (Database), which the tool would refuse for that reason alone.
        return $"postgresql://{_superuser}:pw-9931@{target.Host}:{target.Port}/postgres";
    }

    private static async Task<(string? Status, string? Error)> SqlCheckAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var check = body.RootElement.GetProperty("checks").GetProperty("sql_sources");
        return (check.GetProperty("status").GetString(), check.TryGetProperty("error", out var error) ? error.GetString() : null);
    }
}
