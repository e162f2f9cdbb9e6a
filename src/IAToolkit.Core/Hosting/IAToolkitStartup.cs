using System.Diagnostics;
using IAToolkit.Companies;
using IAToolkit.Configuration;
using IAToolkit.Database;
using IAToolkit.Database.Migrations;
using IAToolkit.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IAToolkit.Hosting;

/// <summary>
/// The start-up sequence: validate every company folder (all errors at once), bring the database schema up to
/// date (Development) or check that it is, then upsert the companies and publish them in the catalog.
/// </summary>
internal sealed class IAToolkitStartup : IDisposable
{
    private readonly CompanyFolderChecker _checker;
    private readonly CompanyCatalog _catalog;
    private readonly CoreDatabase _database;
    private readonly MigrationRunner _migrations;
    private readonly IOptions<DatabaseOptions> _databaseOptions;
    private readonly IHostEnvironment _environment;
    private readonly ILogger<IAToolkitStartup> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public IAToolkitStartup(
        CompanyFolderChecker checker,
        CompanyCatalog catalog,
        CoreDatabase database,
        MigrationRunner migrations,
        IOptions<DatabaseOptions> databaseOptions,
        IHostEnvironment environment,
        ILogger<IAToolkitStartup> logger)
    {
        _checker = checker;
        _catalog = catalog;
        _database = database;
        _migrations = migrations;
        _databaseOptions = databaseOptions;
        _environment = environment;
        _logger = logger;
    }

    /// <summary>Runs the sequence once; later calls return at once.</summary>
    public async Task EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (_catalog.IsLoaded)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_catalog.IsLoaded)
            {
                await StartAsync(cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var checks = _checker.CheckRegistered();
        ReportWarnings(checks);
        var errors = checks.SelectMany(c => c.Result.Errors).ToList();
        if (errors.Count > 0)
        {
            throw new CompanyConfigurationException(errors);
        }

        if (checks.Count == 0)
        {
            Log.NoCompanies(_logger);
        }

        await EnsureSchemaAsync(cancellationToken);
        var companies = new List<Company>();
        await using (var connection = await _database.OpenConnectionAsync(cancellationToken))
        {
            foreach (var check in checks)
            {
                var configuration = check.Result.Configuration!;
                var id = await CompanyStore.UpsertAsync(connection, check.ShortName, configuration, cancellationToken);
                var implementation = _checker.Implementation(check.ShortName);
                companies.Add(new Company(id, check.ShortName, check.Folder.Path, configuration, implementation));
                Log.CompanyLoaded(_logger, check.ShortName, id, check.Folder.DisplayPath);
            }
        }

        _catalog.Load(companies);
        Log.Started(_logger, companies.Count, watch.ElapsedMilliseconds);
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        var migrateOnStart = _databaseOptions.Value.MigrateOnStart ?? _environment.IsDevelopment();
        if (migrateOnStart)
        {
            // The runner logs nothing itself, so each migration is logged once, here (the migrate verb prints them instead).
            var result = await _migrations.MigrateAsync(cancellationToken);
            foreach (var applied in result.Applied)
            {
                Log.MigrationApplied(_logger, applied.Name, (long)applied.Duration.TotalMilliseconds);
            }

            Log.DatabaseUpToDate(_logger, result.AlreadyApplied + result.Applied.Count);
            return;
        }

        var pending = await _migrations.GetPendingAsync(cancellationToken);
        if (pending.Count > 0)
        {
            throw new IAToolkitException(
                ErrorCodes.DatabaseNotMigrated,
                $"The database at {_database.Endpoint} has {pending.Count} pending migration(s) ({string.Join(", ", pending.Select(m => m.Name))}). Run the 'migrate' verb (dotnet <Host>.dll migrate) or set {DatabaseOptions.SectionName}:MigrateOnStart=true.");
        }
    }

    private void ReportWarnings(IReadOnlyList<CompanyFolderCheck> checks)
    {
        // Errors travel in the exception, which the caller reports once.
        foreach (var problem in checks.SelectMany(c => c.Result.Warnings))
        {
            Log.ConfigurationWarning(_logger, problem.ToString());
        }
    }
}
