using System.Diagnostics;
using Dapper;
using Npgsql;

namespace IAToolkit.Database.Migrations;

/// <summary>
/// Applies the embedded migrations in order under a PostgreSQL advisory lock, so that several hosts starting
/// together apply each one exactly once, and records each with its checksum in <c>iat_schema_migrations</c>.
/// It reports what it applied in its result and logs nothing itself: its caller (the start-up sequence, the
/// <c>migrate</c> verb) reports it once, in the way that caller reports things.
/// </summary>
internal sealed class MigrationRunner
{
    // Any fixed 64-bit number works; this one spells "iatoolkt" in ASCII.
    private const long AdvisoryLockKey = 0x6961746F6F6C6B74;

    private const string CreateJournalSql = """
        CREATE TABLE IF NOT EXISTS iat_schema_migrations (
            version     integer     PRIMARY KEY,
            name        text        NOT NULL,
            checksum    text        NOT NULL,
            applied_at  timestamptz NOT NULL DEFAULT now(),
            duration_ms integer     NOT NULL
        )
        """;

    private const string JournalSql = "SELECT version, name, checksum FROM iat_schema_migrations ORDER BY version";

    private const string JournalExistsSql = "SELECT to_regclass('iat_schema_migrations') IS NOT NULL";

    private const string RecordSql = "INSERT INTO iat_schema_migrations (version, name, checksum, duration_ms) VALUES (@Version, @Name, @Checksum, @DurationMs)";

    private readonly CoreDatabase _database;
    private readonly IReadOnlyList<Migration> _migrations;

    public MigrationRunner(CoreDatabase database)
        : this(database, MigrationCatalog.All)
    {
    }

    internal MigrationRunner(CoreDatabase database, IReadOnlyList<Migration> migrations)
    {
        _database = database;
        _migrations = migrations;
    }

    /// <summary>The migrations not yet applied; fails when an applied one was changed.</summary>
    public async Task<IReadOnlyList<Migration>> GetPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(JournalExistsSql, cancellationToken: cancellationToken));
        if (!exists)
        {
            return _migrations;
        }

        return Pending(await ReadJournalAsync(connection, cancellationToken));
    }

    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Inside the try: a wait canceled after the server granted the lock must still release it.
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@Key)", new { Key = AdvisoryLockKey }, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(CreateJournalSql, cancellationToken: cancellationToken));
            var journal = await ReadJournalAsync(connection, cancellationToken);
            var pending = Pending(journal);
            var applied = new List<AppliedMigration>();
            foreach (var migration in pending)
            {
                applied.Add(await ApplyAsync(connection, migration, cancellationToken));
            }

            if (applied.Count > 0)
            {
                // Types created by a migration (pgvector's vector) must be known to the pool's connections.
                await _database.DataSource.ReloadTypesAsync(cancellationToken);
            }

            return new MigrationResult(applied, journal.Count);
        }
        finally
        {
            // Pooled connections go back without a reset (CoreDatabase): nothing of this session may stay locked.
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock_all()", cancellationToken: CancellationToken.None));
            }
        }
    }

    private static async Task<AppliedMigration> ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                RecordSql,
                new { migration.Version, migration.Name, migration.Checksum, DurationMs = (int)watch.ElapsedMilliseconds },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException ex)
        {
            throw new IAToolkitException(ErrorCodes.DatabaseUnavailable, $"Migration {migration.Name} failed and was rolled back: {ex.MessageText}", ex);
        }

        return new AppliedMigration(migration.Name, watch.Elapsed);
    }

    private IReadOnlyList<Migration> Pending(IReadOnlyList<JournalRow> journal)
    {
        var known = _migrations.ToDictionary(m => m.Version);
        foreach (var row in journal)
        {
            if (known.TryGetValue(row.Version, out var migration) && migration.Checksum != row.Checksum)
            {
                throw new IAToolkitException(
                    ErrorCodes.MigrationChecksumMismatch,
                    $"Migration {row.Name} was changed after it was applied to {_database.Endpoint} (checksum {row.Checksum[..12]}… in the database, {migration.Checksum[..12]}… in the code). A shipped migration must never be edited; add a new one instead.");
            }
        }

        var applied = journal.Select(r => r.Version).ToHashSet();
        return [.. _migrations.Where(m => !applied.Contains(m.Version))];
    }

    private static async Task<IReadOnlyList<JournalRow>> ReadJournalAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        => [.. await connection.QueryAsync<JournalRow>(new CommandDefinition(JournalSql, cancellationToken: cancellationToken))];

    private sealed record JournalRow(int Version, string Name, string Checksum);
}
