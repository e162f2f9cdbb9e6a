using IAToolkit.SqlSources;
using IAToolkit.Testing;
using Npgsql;

namespace IAToolkit.Core.Tests.SqlSources;

/// <summary>The SQL tool refuses a source whose role can do more than read its tables, and says why and how to fix it.</summary>
[Category("Security")]
public sealed class SqlSourcePrivilegeTests : SqlReaderRoleTest
{
    private readonly List<string> _roles = [];

    [TearDown]
    public async Task DropRolesAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var role in Enumerable.Reverse(_roles))
        {
            await AsAdminAsync($"DROP OWNED BY {role}; DROP ROLE IF EXISTS {role}");
        }

        _roles.Clear();
    }

    [TestCase("SUPERUSER", null, "is a superuser")]
    [TestCase("", "pg_read_server_files", "is a member of pg_read_server_files")]
    [TestCase("", "pg_write_server_files", "is a member of pg_write_server_files")]
    [TestCase("", "pg_execute_server_program", "is a member of pg_execute_server_program")]
    [TestCase("", "pg_signal_backend", "is a member of pg_signal_backend")]
    [TestCase("", "pg_read_all_data", "is a member of pg_read_all_data")]
    [TestCase("", "pg_read_all_settings", "is a member of pg_read_all_settings")]
    [TestCase("", "pg_monitor", "is a member of pg_monitor, pg_read_all_settings, pg_read_all_stats, pg_stat_scan_tables")]
    [TestCase("REPLICATION", null, "has (or can SET ROLE to a role with) REPLICATION")]
    [TestCase("BYPASSRLS", null, "has (or can SET ROLE to a role with) BYPASSRLS")]
    [TestCase("CREATEROLE", null, "has (or can SET ROLE to a role with) CREATEROLE")]
    public async Task RunAsync_PrivilegedRole_IsRefusedNamingTheSourceAndTheFix(string attributes, string? member, string reason)
    {
        var role = await CreateRoleAsync(attributes, member);
        using var host = new SqlTestHost(new Dictionary<string, string?> { ["ACME_ERP_URI"] = RoleUri(role) });

        var error = (await Assert.ThrowsAsync<IAToolkitException>(() => host.Runner.RunAsync(Company.Company, "erp", "SELECT 1", CancellationToken.None)))!;

        Assert.That(error.Code, Is.EqualTo(ErrorCodes.SqlSourcePrivileged));
        Assert.That(error.Message, Does.StartWith($"The SQL tool refuses to query the database 'erp': the role '{role}' {reason} (ACME_ERP_URI; companies/acme/config/company.yaml: data_sources.sql[0].connection_string_env names it)."));
        Assert.That(error.Message, Does.Contain("An operator must point ACME_ERP_URI at a login role that can only SELECT"));
        Assert.That(error.Message, Does.Contain("IAToolkit:Sql:AllowPrivilegedRoles"));
        Assert.That(error.Message, Does.Not.Contain(ReadOnlyRole.Password));
        Assert.That(host.Logs.Entries.Count(e => e.EventId == 2100), Is.EqualTo(1));
    }

    [Test]
    public async Task RunAsync_MemberThroughAnotherRoleWithoutInherit_IsRefused()
    {
        var group = await CreateRoleAsync("NOLOGIN", "pg_execute_server_program");
        var role = await CreateRoleAsync("NOINHERIT", group);
        using var host = new SqlTestHost(new Dictionary<string, string?> { ["ACME_ERP_URI"] = RoleUri(role) });

        var error = (await Assert.ThrowsAsync<IAToolkitException>(() => host.Runner.RunAsync(Company.Company, "erp", "SELECT 1", CancellationToken.None)))!;

        // It could SET ROLE to the group and run programs: membership counts, inherited or not.
        Assert.That(error.Code, Is.EqualTo(ErrorCodes.SqlSourcePrivileged));
        Assert.That(error.Message, Does.Contain("is a member of pg_execute_server_program"));
    }

    [Test]
    public async Task RunAsync_MemberOfASuperuserRole_IsRefused()
    {
        var admin = await CreateRoleAsync("SUPERUSER NOLOGIN", null);
        var role = await CreateRoleAsync(string.Empty, admin);
        using var host = new SqlTestHost(new Dictionary<string, string?> { ["ACME_ERP_URI"] = RoleUri(role) });

        var error = (await Assert.ThrowsAsync<IAToolkitException>(() => host.Runner.RunAsync(Company.Company, "erp", "SELECT 1", CancellationToken.None)))!;

        Assert.That(error.Message, Does.Contain($"the role '{role}' is a superuser"));
    }

    [Test]
    public async Task RunAsync_PrivilegedRoleWithTheOptOut_RunsAndWarns()
    {
        var role = await CreateRoleAsync("SUPERUSER", null);
        using var host = new SqlTestHost(new Dictionary<string, string?>
        {
            ["ACME_ERP_URI"] = RoleUri(role),
            ["IAToolkit:Sql:AllowPrivilegedRoles"] = "true",
        });

        var result = await host.Runner.RunAsync(Company.Company, "erp", "SELECT count(*) FROM orders", CancellationToken.None);
        await host.Runner.RunAsync(Company.Company, "erp", "SELECT 1", CancellationToken.None);
        host.Connections.ReportOptOut();
        var status = await host.Connections.VerifyAsync("acme", Company.Source(), CancellationToken.None);

        Assert.That(result.Rows, Is.EqualTo("[[300]]"));
        Assert.That(host.Logs.Entries.Where(e => e.EventId == 1402).Select(e => e.Level), Is.EqualTo(new[] { Microsoft.Extensions.Logging.LogLevel.Warning }), "once per verdict");
        Assert.That(host.Logs.Entries.Single(e => e.EventId == 2101).Message, Does.StartWith("IAToolkit:Sql:AllowPrivilegedRoles is true"));
        Assert.That(status.State, Is.EqualTo(SqlSourceState.PrivilegedAllowed));
    }

    [Test]
    public async Task RunAsync_ReadOnlyRole_RunsWithoutWarnings()
    {
        var result = await Host.Runner.RunAsync(Company.Company, "erp", "SELECT count(*) FROM orders", CancellationToken.None);
        Host.Connections.ReportOptOut();
        var status = await Host.Connections.VerifyAsync("acme", Company.Source(), CancellationToken.None);

        Assert.That(result.Rows, Is.EqualTo("[[300]]"));
        Assert.That(Host.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning), Is.Empty);
        Assert.That(status.State, Is.EqualTo(SqlSourceState.LeastPrivilege));
        Assert.That(status.Message, Does.Contain($"the role '{Reader.Name}'"));
    }

    [Test]
    public async Task RunAsync_CoreDatabaseUserOnAnotherDatabase_IsRefused()
    {
        // The server's admin is the core database's user in the tests: its credentials must never be the tool's.
        using var host = new SqlTestHost(new Dictionary<string, string?> { ["ACME_ERP_URI"] = Database.Uri });

        var error = (await Assert.ThrowsAsync<IAToolkitException>(() => host.Runner.RunAsync(Company.Company, "erp", "SELECT 1", CancellationToken.None)))!;
        var status = await host.Connections.VerifyAsync("acme", Company.Source(), CancellationToken.None);

        Assert.That(error.Code, Is.EqualTo(ErrorCodes.SqlSourcePrivileged));
        Assert.That(error.Message, Does.StartWith("ACME_ERP_URI logs in as the IAToolkit core database's user: companies/acme/config/company.yaml: data_sources.sql[0].connection_string_env names it."));
        Assert.That(status.State, Is.EqualTo(SqlSourceState.Refused));
    }

    [Test]
    public async Task VerifyAsync_PrivilegedRole_IsRefusedAndUnreachableIsSaid()
    {
        var role = await CreateRoleAsync("", "pg_read_server_files");
        using var host = new SqlTestHost(new Dictionary<string, string?> { ["ACME_ERP_URI"] = RoleUri(role) });
        using var down = new SqlTestHost(new Dictionary<string, string?> { ["ACME_ERP_URI"] = $"postgresql://{role}@127.0.0.1:1/nowhere" });
        using var unset = new SqlTestHost(new Dictionary<string, string?>());

        var refused = await host.Connections.VerifyAsync("acme", Company.Source(), CancellationToken.None);
        var unreachable = await down.Connections.VerifyAsync("acme", Company.Source(), CancellationToken.None);
        var missing = await unset.Connections.VerifyAsync("acme", Company.Source(), CancellationToken.None);

        Assert.That(refused.State, Is.EqualTo(SqlSourceState.Refused));
        Assert.That(refused.Message, Does.Contain("is a member of pg_read_server_files"));
        Assert.That(unreachable.State, Is.EqualTo(SqlSourceState.Unreachable));
        Assert.That(unreachable.Message, Does.StartWith("The database 'erp' (ACME_ERP_URI) cannot be reached"));
        Assert.That(missing.State, Is.EqualTo(SqlSourceState.NotConfigured));
        Assert.That(missing.Message, Does.StartWith("ACME_ERP_URI is not set"));
    }

    /// <summary>A login role with the reader's grants plus <paramref name="attributes"/> and membership in <paramref name="member"/>.</summary>
    private async Task<string> CreateRoleAsync(string attributes, string? member)
    {
        var role = "iat_priv_" + Guid.NewGuid().ToString("N")[..12];
        _roles.Add(role);
        var login = attributes.Contains("NOLOGIN", StringComparison.Ordinal) ? string.Empty : "LOGIN";
        await AsAdminAsync($"""
            CREATE ROLE {role} {login} {attributes};
            GRANT CONNECT ON DATABASE {Database.Name} TO {role};
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role};
            {(member is null ? string.Empty : $"GRANT {member} TO {role};")}
            """);
        return role;
    }

    private string RoleUri(string role)
    {
        var target = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
        return $"postgresql://{role}:{ReadOnlyRole.Password}@{target.Host}:{target.Port}/{Database.Name}";
    }
}
