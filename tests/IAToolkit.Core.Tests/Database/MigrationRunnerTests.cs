using Dapper;
using IAToolkit.Configuration;
using IAToolkit.Database;
using IAToolkit.Database.Migrations;
using IAToolkit.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pgvector;

namespace IAToolkit.Core.Tests.Database;

public sealed class MigrationRunnerTests : DatabaseTest
{
    [Test]
    public async Task MigrateAsync_EmptyDatabase_CreatesCoreTablesAndJournal()
    {
        await using var core = Core();

        var result = await Runner(core).MigrateAsync(CancellationToken.None);

        Assert.That(result.Applied.Select(a => a.Name), Is.EqualTo(MigrationCatalog.All.Select(m => m.Name)));
        await using var connection = await Database.OpenAsync();
        var tables = (await connection.QueryAsync<string>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).ToList();
        Assert.That(tables, Is.SupersetOf(new[] { "iat_companies", "iat_users", "iat_user_companies", "iat_schema_migrations" }));
        var journal = (await connection.QueryAsync<(int Version, string Checksum)>("SELECT version, checksum FROM iat_schema_migrations")).ToList();
        Assert.That(journal.Select(j => j.Checksum), Is.EqualTo(MigrationCatalog.All.Select(m => m.Checksum)));
    }

    [Test]
    public async Task MigrateAsync_SecondRun_AppliesNothing()
    {
        await using var core = Core();
        await Runner(core).MigrateAsync(CancellationToken.None);

        var second = await Runner(core).MigrateAsync(CancellationToken.None);

        Assert.That(second.Applied, Is.Empty);
        Assert.That(second.AlreadyApplied, Is.EqualTo(MigrationCatalog.All.Count));
        Assert.That(await Runner(core).GetPendingAsync(CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task MigrateAsync_FourHostsAtOnce_ApplyEachMigrationOnce()
    {
        var cores = Enumerable.Range(0, 4).Select(_ => Core()).ToList();

        var results = await Task.WhenAll(cores.Select(c => Runner(c).MigrateAsync(CancellationToken.None)));

        Assert.That(results.Sum(r => r.Applied.Count), Is.EqualTo(MigrationCatalog.All.Count));
        await using var connection = await Database.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM iat_schema_migrations"), Is.EqualTo(MigrationCatalog.All.Count));
        foreach (var core in cores)
        {
            await core.DisposeAsync();
        }
    }

    [Test]
    public async Task MigrateAsync_AppliedMigrationWasEdited_RefusesWithChecksumError()
    {
        await using var core = Core();
        await Runner(core).MigrateAsync(CancellationToken.None);
        var edited = MigrationCatalog.All.Select(m => m.Version == 1 ? m with { Sql = m.Sql + "\n-- edited", Checksum = MigrationCatalog.Checksum(m.Sql + "\n-- edited") } : m).ToList();

        var ex = await Assert.ThrowsAsync<IAToolkitException>(() => Runner(core, edited).MigrateAsync(CancellationToken.None));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCodes.MigrationChecksumMismatch));
        Assert.That(ex.Message, Does.Contain("0001_core was changed after it was applied"));
    }

    [Test]
    public async Task MigrateAsync_FailingMigration_RollsItBackAndRecordsNothing()
    {
        await using var core = Core();
        var broken = new Migration(9001, "9001_broken", "CREATE TABLE iat_half_done (id int); SELECT 1/0;", MigrationCatalog.Checksum("x"));
        var migrations = MigrationCatalog.All.Append(broken).ToList();

        var ex = await Assert.ThrowsAsync<IAToolkitException>(() => Runner(core, migrations).MigrateAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("9001_broken failed and was rolled back").And.Contain("division by zero"));
        await using var connection = await Database.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('iat_half_done') IS NOT NULL"), Is.False);
        Assert.That(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM iat_schema_migrations WHERE version = 9001"), Is.Zero);
        Assert.That(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM iat_schema_migrations"), Is.EqualTo(MigrationCatalog.All.Count));
    }

    [Test]
    public async Task MigrateAsync_FreshDatabase_MapsPgvectorTypesThroughDapper()
    {
        await using var core = Core();
        await Runner(core).MigrateAsync(CancellationToken.None);

        await using var connection = await core.OpenConnectionAsync(CancellationToken.None);
        var vector = await connection.ExecuteScalarAsync<Vector>("SELECT @Value::vector", new { Value = new Vector(new float[] { 1, 2, 3 }) });

        Assert.That(vector!.ToArray(), Is.EqualTo(new float[] { 1, 2, 3 }));
    }

    private CoreDatabase Core()
        => new(Options.Create(new DatabaseOptions { ConnectionString = Database.Uri }), NullLoggerFactory.Instance);

    private static MigrationRunner Runner(CoreDatabase core, IReadOnlyList<Migration>? migrations = null)
        => new(core, migrations ?? MigrationCatalog.All);
}
