using System.Collections.Concurrent;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IAToolkit.DataSources;

/// <summary>
/// One pooled <see cref="NpgsqlDataSource"/> per company database of <c>data_sources.sql</c>, created on first use from
/// the variable company.yaml names and disposed with the host. It never hands out the core database.
/// </summary>
/// <remarks>
/// Only PostgreSQL is supported; <see cref="DatabaseUri"/> refuses any other scheme with a clear message. Another
/// provider would get its own pool type here, chosen by the connection string's scheme.
/// </remarks>
internal sealed class SqlSourceConnections : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<(string Company, string Database), Lazy<NpgsqlDataSource>> _pools = new();
    private readonly ConcurrentDictionary<(string Company, string Database), bool> _checked = new();
    private readonly CompanySecrets _secrets;
    private readonly DatabaseOptions _core;
    private readonly SqlToolOptions _options;
    private readonly ILogger _logger;
    private bool _disposed;

    public SqlSourceConnections(CompanySecrets secrets, IOptions<DatabaseOptions> core, IOptions<SqlToolOptions> options, ILoggerFactory loggerFactory)
    {
        _secrets = secrets;
        _core = core.Value;
        _options = options.Value;
        _logger = loggerFactory.CreateLogger<SqlSourceConnections>();
    }

    /// <summary>The pool of <paramref name="source"/>, created on first use.</summary>
    /// <exception cref="IAToolkitException">
    /// Code <see cref="ErrorCodes.InvalidSettings"/> when the variable is not set, is not a PostgreSQL connection, or
    /// points at the core database; the message names the variable and the key that names it, never its value.
    /// </exception>
    public NpgsqlDataSource Get(Company company, SqlDataSource source)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(source);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var key = (company.ShortName, source.Database);
        if (_pools.TryGetValue(key, out var existing))
        {
            return existing.Value;
        }

        // Resolved outside the Lazy so that a missing variable fails every call instead of being cached.
        var connectionString = ConnectionString(source.ConnectionString);
        return _pools.GetOrAdd(key, _ => new Lazy<NpgsqlDataSource>(() => Create(company, source, connectionString))).Value;
    }

    /// <summary>Opens a connection to <paramref name="source"/>.</summary>
    /// <exception cref="IAToolkitException">Code <see cref="ErrorCodes.DatabaseUnavailable"/> when the database cannot be reached.</exception>
    public async Task<NpgsqlConnection> OpenAsync(Company company, SqlDataSource source, CancellationToken cancellationToken)
    {
        var pool = Get(company, source);
        NpgsqlConnection connection;
        try
        {
            connection = await pool.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            var reason = ex is PostgresException pg ? $"PostgreSQL error {pg.SqlState}" : "the connection failed";
            SqlSourceLog.Unreachable(_logger, company.ShortName, source.Database, ex.Message);
            throw new IAToolkitException(
                ErrorCodes.DatabaseUnavailable,
                $"The database '{source.Database}' cannot be reached right now ({reason}). An operator should check {source.ConnectionString.Name} and the database server.",
                ex);
        }

        if (_checked.TryAdd((company.ShortName, source.Database), true) && connection.PostgresParameters.GetValueOrDefault("is_superuser") == "on")
        {
            SqlSourceLog.Superuser(_logger, company.ShortName, source.Database);
        }

        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (var pool in _pools.Values.Where(p => p.IsValueCreated))
        {
            await pool.Value.DisposeAsync();
        }

        _pools.Clear();
    }

    /// <summary>Disposes the pools, for a container that is disposed synchronously.</summary>
    public void Dispose()
    {
        _disposed = true;
        foreach (var pool in _pools.Values.Where(p => p.IsValueCreated))
        {
            pool.Value.Dispose();
        }

        _pools.Clear();
    }

    private string ConnectionString(VariableReference variable)
    {
        var value = _secrets.Resolve(variable);
        string connectionString;
        try
        {
            connectionString = DatabaseUri.ToConnectionString(value);
        }
        catch (FormatException ex)
        {
            throw new IAToolkitException(
                ErrorCodes.InvalidSettings,
                $"{variable.Name} {ex.Message} ({variable.File}: {variable.KeyPath} names it).",
                ex);
        }

        if (IsCoreDatabase(connectionString))
        {
            throw new IAToolkitException(
                ErrorCodes.InvalidSettings,
                $"{variable.Name} points at the IAToolkit core database: {variable.File}: {variable.KeyPath} names it. The SQL tool never queries the core database; point it at the company's own database.");
        }

        return connectionString;
    }

    private bool IsCoreDatabase(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(_core.ConnectionString))
        {
            return false;
        }

        NpgsqlConnectionStringBuilder core;
        try
        {
            core = new NpgsqlConnectionStringBuilder(DatabaseUri.ToConnectionString(_core.ConnectionString));
        }
        catch (FormatException)
        {
            return false; // The core settings fail on their own at start.
        }

        var company = new NpgsqlConnectionStringBuilder(connectionString);
        return string.Equals(company.Database, core.Database, StringComparison.Ordinal)
            && company.Port == core.Port
            && string.Equals(Host(company.Host), Host(core.Host), StringComparison.OrdinalIgnoreCase);
    }

    private static string? Host(string? host) => host is "localhost" or "127.0.0.1" or "::1" ? "loopback" : host;

    private NpgsqlDataSource Create(Company company, SqlDataSource source, string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        if (string.IsNullOrEmpty(settings.ApplicationName))
        {
            settings.ApplicationName = "iatoolkit-sql";
        }

        // PostgreSQL's DETAIL helps the model fix a query; the company's data is what the tool shows anyway.
        settings.IncludeErrorDetail = true;
        // A backstop only: statement_timeout ends a slow statement first, with a readable error.
        settings.CommandTimeout = (int)Math.Ceiling(_options.StatementTimeout.TotalSeconds) + 5;
        // No UseLoggerFactory: Npgsql logs command texts at Debug, and these are the model's queries over company data,
        // which the framework logs only at Trace (event 1407). Failures reach the log through this class.
        builder.Name = $"iatoolkit-sql-{company.ShortName}-{source.Database}";
        var pool = builder.Build();
        SqlSourceLog.PoolCreated(_logger, company.ShortName, source.Database, $"{settings.Host}:{settings.Port}/{settings.Database}");
        return pool;
    }
}
