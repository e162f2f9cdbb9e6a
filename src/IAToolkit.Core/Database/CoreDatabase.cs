using System.Data.Common;
using Dapper;
using IAToolkit.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IAToolkit.Database;

/// <summary>The core database: one pooled <see cref="NpgsqlDataSource"/> for the host, with pgvector types mapped.</summary>
internal sealed class CoreDatabase : IAsyncDisposable
{
    static CoreDatabase()
    {
        SqlMapper.AddTypeHandler(new VectorTypeHandler());
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public CoreDatabase(IOptions<DatabaseOptions> options, ILoggerFactory loggerFactory)
    {
        var settings = options.Value;
        var builder = new NpgsqlDataSourceBuilder(DatabaseUri.ToConnectionString(settings.ConnectionString!));
        builder.ConnectionStringBuilder.CommandTimeout = settings.CommandTimeoutSeconds;
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
        {
            builder.ConnectionStringBuilder.ApplicationName = "iatoolkit";
        }

        // The framework runs the same few statements on every question: prepared once per pooled connection, they are
        // parsed and planned once instead of every time. A connection string that sets its own limit keeps it (0 turns
        // this off, for a connection pooler in front of PostgreSQL that cannot keep prepared statements).
        var given = new DbConnectionStringBuilder { ConnectionString = builder.ConnectionString };
        if (!Given(given, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        // The framework leaves no session state behind on its connections (its settings are transaction-local and the
        // migrations' advisory lock is released before the connection goes back), so the reset Npgsql would run on
        // every reuse (seven statements, half a millisecond of server time) is skipped. A connection string can ask
        // for it again.
        if (!Given(given, "No Reset On Close", "NoResetOnClose"))
        {
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        }

        builder.UseVector();
        builder.UseLoggerFactory(loggerFactory);
        builder.Name = "iatoolkit-core";
        DataSource = builder.Build();
        Endpoint = $"{builder.ConnectionStringBuilder.Host}:{builder.ConnectionStringBuilder.Port}/{builder.ConnectionStringBuilder.Database}";
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Host, port and database, for messages (never the password).</summary>
    public string Endpoint { get; }

    public async ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await DataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new IAToolkitException(ErrorCodes.DatabaseUnavailable, $"Cannot connect to the core database at {Endpoint}: {ex.Message}", ex);
        }
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    // Npgsql's own builder knows every keyword whether set or not; the plain builder says what the string sets.
    private static bool Given(DbConnectionStringBuilder given, params string[] keywords) => keywords.Any(given.ContainsKey);
}
