using Dapper;
using IAToolkit.Configuration;
using IAToolkit.Database;
using IAToolkit.Database.Migrations;
using IAToolkit.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IAToolkit.Core.Tests.Database;

/// <summary>The core database's pool: statements prepared once per connection, no reset round on every reuse, unless the operator says otherwise.</summary>
public sealed class CoreDatabaseSettingsTests : DatabaseTest
{
    [Test]
    public async Task OpenConnectionAsync_SameStatementAgain_RunsPrepared()
    {
        await using var core = Create(Database.Uri);

        for (var i = 0; i < 3; i++)
        {
            await using var connection = await core.OpenConnectionAsync(CancellationToken.None);
            await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM pg_class WHERE relname = @Name", new { Name = "pg_type" });
        }

        await using var last = await core.OpenConnectionAsync(CancellationToken.None);
        var prepared = await last.QueryAsync<string>("SELECT statement FROM pg_prepared_statements");
        Assert.That(prepared, Has.Some.Contains("FROM pg_class WHERE relname"), "the pool's one connection kept the statement prepared across reuses");
    }

    [Test]
    public async Task MigrateAsync_ConnectionBackInThePoolWithoutReset_HoldsNoAdvisoryLock()
    {
        await using var core = Create(Database.Uri);
        await new MigrationRunner(core).MigrateAsync(CancellationToken.None);
        await new MigrationRunner(core).MigrateAsync(CancellationToken.None);

        await using var reused = await core.OpenConnectionAsync(CancellationToken.None);
        var locks = await reused.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()");

        Assert.That(locks, Is.Zero);
    }

    [TestCase("", 64, true)]
    [TestCase("?Max%20Auto%20Prepare=0", 0, true)]
    [TestCase("?No%20Reset%20On%20Close=false", 64, false)]
    public async Task Constructor_ConnectionString_SetsPreparingAndResetUnlessGiven(string query, int maxAutoPrepare, bool noReset)
    {
        await using var core = Create(Database.Uri + query);

        var settings = new NpgsqlConnectionStringBuilder(core.DataSource.ConnectionString);
        Assert.That(settings.MaxAutoPrepare, Is.EqualTo(maxAutoPrepare));
        Assert.That(settings.NoResetOnClose, Is.EqualTo(noReset));
    }

    private static CoreDatabase Create(string uri)
        => new(Options.Create(new DatabaseOptions { ConnectionString = uri }), NullLoggerFactory.Instance);
}
