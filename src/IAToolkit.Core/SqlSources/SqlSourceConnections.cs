using System.Collections.Concurrent;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IAToolkit.SqlSources;

/// <summary>
/// One pooled <see cref="NpgsqlDataSource"/> per company database of <c>data_sources.sql</c>, created on first use from
/// the variable company.yaml names and disposed with the host. It never hands out the core database or its
/// credentials, and it decides, once per source (again after <see cref="VerdictLifetime"/>), whether the source's
/// login role is least-privilege enough for the SQL tool (<see cref="SqlRolePrivileges"/>).
/// </summary>
/// <remarks>
/// Only PostgreSQL is supported; <see cref="DatabaseUri"/> refuses any other scheme with a clear message. Another
/// provider would get its own pool type here, chosen by the connection string's scheme.
/// </remarks>
internal sealed class SqlSourceConnections : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<(string Company, string Database), Lazy<NpgsqlDataSource>> _pools = new();
    /// <summary>How long a role verdict is reused; a role granted more later is noticed within this time.</summary>
    internal static readonly TimeSpan VerdictLifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(string Company, string Database), (SqlRoleVerdict Verdict, long At)> _verdicts = new();
    private readonly CompanySecrets _secrets;
    private readonly IOptions<DatabaseOptions> _core;
    private readonly SqlToolOptions _options;
    private readonly ILogger _logger;
    private bool _disposed;

    public SqlSourceConnections(CompanySecrets secrets, IOptions<DatabaseOptions> core, IOptions<SqlToolOptions> options, ILoggerFactory loggerFactory)
    {
        _secrets = secrets;
        _core = core;
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

        return connection;
    }

    /// <summary>
    /// Refuses to let the SQL tool use <paramref name="connection"/> when its role is privileged, unless
    /// <see cref="SqlToolOptions.AllowPrivilegedRoles"/> is set (then it warns). The verdict is cached per source.
    /// </summary>
    /// <exception cref="IAToolkitException">Code <see cref="ErrorCodes.SqlSourcePrivileged"/>; the message names the source, the role and the fix.</exception>
    public async Task EnsureLeastPrivilegeAsync(Company company, SqlDataSource source, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(source);
        var verdict = Cached(company.ShortName, source.Database) ?? await ReadVerdictAsync(company.ShortName, source, connection, cancellationToken);
        if (!verdict.IsPrivileged || _options.AllowPrivilegedRoles)
        {
            return;
        }

        throw new IAToolkitException(ErrorCodes.SqlSourcePrivileged, RefusalMessage(source, verdict));
    }

    /// <summary>
    /// Checks <paramref name="source"/> of company <paramref name="company"/> for <c>check-config</c> and
    /// <c>/health/ready</c>: its variable, the core database's credentials, and its role (a cached verdict, or one read
    /// over a short connection of its own). Never throws for the source's own problems: they are the status.
    /// </summary>
    public async Task<SqlSourceStatus> VerifyAsync(string company, SqlDataSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(source);
        string connectionString;
        try
        {
            connectionString = ConnectionString(source.ConnectionString);
        }
        catch (IAToolkitException ex)
        {
            // Not set is for the operator to finish; set but unusable (core database, core user, not PostgreSQL) is refused.
            var state = _secrets.IsSet(source.ConnectionString.Name) ? SqlSourceState.Refused : SqlSourceState.NotConfigured;
            return new SqlSourceStatus(company, source.Database, state, ex.Message);
        }

        var verdict = Cached(company, source.Database);
        if (verdict is null)
        {
            var settings = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5, ApplicationName = "iatoolkit-sql-check" };
            try
            {
                await using var connection = new NpgsqlConnection(settings.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                verdict = await ReadVerdictAsync(company, source, connection, cancellationToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                var reason = ex is PostgresException pg ? $"PostgreSQL error {pg.SqlState}: {pg.MessageText}" : "the connection failed";
                return new SqlSourceStatus(company, source.Database, SqlSourceState.Unreachable, $"The database '{source.Database}' ({source.ConnectionString.Name}) cannot be reached, so its role was not checked ({reason}).");
            }
        }

        return !verdict.IsPrivileged
            ? new SqlSourceStatus(company, source.Database, SqlSourceState.LeastPrivilege, $"The database '{source.Database}' is queried as the role '{verdict.Role}', which has no privileges beyond its grants.")
            : _options.AllowPrivilegedRoles
                ? new SqlSourceStatus(company, source.Database, SqlSourceState.PrivilegedAllowed, $"The database '{source.Database}' ({source.ConnectionString.Name}) is queried although {verdict.Describe()}, because {SqlToolOptions.SectionName}:{nameof(SqlToolOptions.AllowPrivilegedRoles)} is true. Give it a role that can only SELECT.")
                : new SqlSourceStatus(company, source.Database, SqlSourceState.Refused, RefusalMessage(source, verdict));
    }

    /// <summary>Logs, at every start, that privileged roles are allowed: the opt-out should never go unnoticed.</summary>
    public void ReportOptOut()
    {
        if (_options.AllowPrivilegedRoles)
        {
            SqlSourceLog.PrivilegedRolesAllowed(_logger, SqlToolOptions.SectionName + ":" + nameof(SqlToolOptions.AllowPrivilegedRoles));
        }
    }

    private static string RefusalMessage(SqlDataSource source, SqlRoleVerdict verdict)
        => $"The SQL tool refuses to query the database '{source.Database}': {verdict.Describe()} ({source.ConnectionString.Name}; {source.ConnectionString.File}: {source.ConnectionString.KeyPath} names it). "
            + "Such a role can read the server's files, run programs or end other sessions even in a read-only transaction. "
            + $"An operator must point {source.ConnectionString.Name} at a login role that can only SELECT the company's tables, "
            + $"or set {SqlToolOptions.SectionName}:{nameof(SqlToolOptions.AllowPrivilegedRoles)} to true to accept the risk.";

    private SqlRoleVerdict? Cached(string company, string database)
        => _verdicts.TryGetValue((company, database), out var entry) && Environment.TickCount64 - entry.At < (long)VerdictLifetime.TotalMilliseconds
            ? entry.Verdict
            : null;

    private async Task<SqlRoleVerdict> ReadVerdictAsync(string company, SqlDataSource source, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var verdict = await SqlRolePrivileges.ReadAsync(connection, cancellationToken);
        _verdicts[(company, source.Database)] = (verdict, Environment.TickCount64);
        if (verdict.IsPrivileged && _options.AllowPrivilegedRoles)
        {
            SqlSourceLog.Superuser(_logger, company, source.Database, verdict.Describe());
        }
        else if (verdict.IsPrivileged)
        {
            SqlSourceLog.PrivilegedRoleRefused(_logger, company, source.Database, verdict.Describe(), source.ConnectionString.Name);
        }

        return verdict;
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

        switch (CoreOverlap(connectionString))
        {
            case CoreOverlapKind.Database:
                throw new IAToolkitException(
                    ErrorCodes.InvalidSettings,
                    $"{variable.Name} points at the IAToolkit core database: {variable.File}: {variable.KeyPath} names it. The SQL tool never queries the core database; point it at the company's own database.");
            case CoreOverlapKind.User:
                throw new IAToolkitException(
                    ErrorCodes.SqlSourcePrivileged,
                    $"{variable.Name} logs in as the IAToolkit core database's user: {variable.File}: {variable.KeyPath} names it. "
                    + "The SQL tool never uses the core database's credentials, which can change the core data; give it a login role of its own that can only SELECT the company's tables.");
        }

        return connectionString;
    }

    private enum CoreOverlapKind
    {
        None,
        Database,
        User,
    }

    /// <summary>Whether the connection reaches the core database, or logs in to the core database's server as its user.</summary>
    private CoreOverlapKind CoreOverlap(string connectionString)
    {
        NpgsqlConnectionStringBuilder core;
        try
        {
            // Read here, not in the constructor: check-config runs without the core settings.
            var coreString = _core.Value.ConnectionString;
            if (string.IsNullOrWhiteSpace(coreString))
            {
                return CoreOverlapKind.None;
            }

            core = new NpgsqlConnectionStringBuilder(DatabaseUri.ToConnectionString(coreString));
        }
        catch (Exception ex) when (ex is FormatException or OptionsValidationException)
        {
            return CoreOverlapKind.None; // The core settings fail on their own at start.
        }

        var company = new NpgsqlConnectionStringBuilder(connectionString);
        var sameServer = company.Port == core.Port && string.Equals(Host(company.Host), Host(core.Host), StringComparison.OrdinalIgnoreCase);
        if (sameServer && string.Equals(company.Database, core.Database, StringComparison.Ordinal))
        {
            return CoreOverlapKind.Database;
        }

        return sameServer && string.Equals(User(company), User(core), StringComparison.Ordinal) ? CoreOverlapKind.User : CoreOverlapKind.None;
    }

    // Npgsql, like libpq, logs in as the operating-system user when no user is given.
    private static string User(NpgsqlConnectionStringBuilder settings) => string.IsNullOrEmpty(settings.Username) ? Environment.UserName : settings.Username;

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
        settings.CommandTimeout = (int)Math.Ceiling(_options.For(source).StatementTimeout.TotalSeconds) + 5;
        if (source.Schema is { } schema)
        {
            // The company's schema first (company.yaml data_sources.sql[].schema); the describer then names its tables
            // without a schema, and the model's queries find them.
            settings.SearchPath = schema;
        }
        // No UseLoggerFactory: Npgsql logs command texts at Debug, and these are the model's queries over company data,
        // which the framework logs only at Trace (event 1407). Failures reach the log through this class.
        builder.Name = $"iatoolkit-sql-{company.ShortName}-{source.Database}";
        // Nor command spans: their db.statement would carry the same texts out of the host; the runner's
        // iatoolkit.sql_query span stands for each query instead (connection opens are still traced).
        builder.ConfigureTracing(tracing => tracing.ConfigureCommandFilter(_ => false).ConfigureBatchFilter(_ => false));
        var pool = builder.Build();
        SqlSourceLog.PoolCreated(_logger, company.ShortName, source.Database, $"{settings.Host}:{settings.Port}/{settings.Database}");
        return pool;
    }
}
