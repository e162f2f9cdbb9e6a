namespace IAToolkit.Database.Migrations;

/// <summary>What one <c>migrate</c> run did.</summary>
/// <param name="Applied">The migrations this run applied, with how long each took.</param>
/// <param name="AlreadyApplied">How many migrations were already in the journal.</param>
internal sealed record MigrationResult(IReadOnlyList<AppliedMigration> Applied, int AlreadyApplied);

/// <summary>A migration applied by a run.</summary>
/// <param name="Name">The migration's file name without extension, e.g. <c>0001_core</c>.</param>
/// <param name="Duration">How long it took.</param>
internal sealed record AppliedMigration(string Name, TimeSpan Duration);
