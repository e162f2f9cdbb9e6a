using IAToolkit.Testing;
using Npgsql;

namespace IAToolkit.Cli.Tests;

/// <summary><c>check-config</c> fails while a SQL source logs in as a privileged role, naming the source and the fix.</summary>
[Category("Security")]
public sealed class CheckConfigSqlRoleTests : DatabaseTest
{
    [Test]
    public async Task CheckConfig_SqlSourceAsSuperuser_ExitsOneNamingTheSourceAndTheFix()
    {
        var role = "iat_su_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE ROLE {role} LOGIN SUPERUSER");
        try
        {
            var target = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
            // Another database than the core one (Database), which the tool would refuse for that reason alone.
            var environment = new Dictionary<string, string?> { ["SAMPLE_DATABASE_URI"] = $"postgresql://{role}@{target.Host}:{target.Port}/postgres" };

            var (exitCode, output, error) = await SampleHostProcess.RunAsync(Database.Uri, environment, "check-config");
            var optOut = await SampleHostProcess.RunAsync(Database.Uri, new Dictionary<string, string?>(environment) { ["IAToolkit__Sql__AllowPrivilegedRoles"] = "true" }, "check-config");

            Assert.That(exitCode, Is.EqualTo(1), output + error);
            Assert.That(output, Does.StartWith("companies/sample_company: INVALID, 1 error(s)"));
            Assert.That(output, Does.Contain($"error: companies/sample_company/config/company.yaml: data_sources.sql[0].connection_string_env (sample_database): The SQL tool refuses to query the database 'sample_database': the role '{role}' is a superuser"));
            Assert.That(output, Does.Contain("An operator must point SAMPLE_DATABASE_URI at a login role that can only SELECT"));
            Assert.That(optOut.ExitCode, Is.Zero, optOut.Output + optOut.Error);
            Assert.That(optOut.Output, Does.StartWith("companies/sample_company: OK, "));
            Assert.That(optOut.Output, Does.Contain("because IAToolkit:Sql:AllowPrivilegedRoles is true"));
            Assert.That(optOut.Error, Does.Contain("IAToolkit:Sql:AllowPrivilegedRoles is true: the SQL tool runs even on superuser"), "the warning, in the logs (stderr)");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP ROLE IF EXISTS {role}");
        }
    }

    [Test]
    public async Task CheckConfig_SqlSourceAsReadOnlyRole_IsValid()
    {
        await using var sample = await TestDatabase.CreateAsync();
        var reader = await ReadOnlyRole.CreateAsync(sample);

        var (exitCode, output, error) = await SampleHostProcess.RunAsync(Database.Uri, new Dictionary<string, string?> { ["SAMPLE_DATABASE_URI"] = reader.Uri }, "check-config");
        await reader.DisposeAsync();

        Assert.That(exitCode, Is.Zero, output + error);
        Assert.That(output, Does.StartWith("companies/sample_company: OK"));
        Assert.That(output, Does.Not.Contain("sample_database"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
