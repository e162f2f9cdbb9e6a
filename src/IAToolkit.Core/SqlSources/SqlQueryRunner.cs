using System.Diagnostics;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IAToolkit.SqlSources;

/// <summary>
/// The engine of the assistant's <c>iat_sql_query</c> tool: runs one read-only query on a company database of
/// <c>data_sources.sql</c>, within a statement timeout, and returns at most a capped number of rows as compact JSON.
/// </summary>
internal sealed class SqlQueryRunner
{
    private readonly SqlSourceConnections _connections;
    private readonly SqlToolOptions _options;
    private readonly ILogger _logger;

    internal SqlQueryRunner(SqlSourceConnections connections, IOptions<SqlToolOptions> options, ILogger<SqlQueryRunner> logger)
    {
        _connections = connections;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>
    /// Runs <paramref name="sql"/> on the database the company calls <paramref name="database"/>. Exactly one statement
    /// is accepted, and only a query (SELECT, WITH, VALUES, TABLE, EXPLAIN without ANALYZE, SHOW); it runs in a
    /// read-only transaction that is always rolled back, with <see cref="SqlToolOptions.StatementTimeout"/> and
    /// <see cref="SqlToolOptions.LockTimeout"/>, and at most <see cref="SqlToolOptions.MaxRows"/> rows come back.
    /// </summary>
    /// <exception cref="SqlQueryException">
    /// The query was refused or PostgreSQL rejected it, or the database name is unknown; the message is meant for the
    /// model (PostgreSQL's message, detail, hint and position).
    /// </exception>
    /// <exception cref="IAToolkitException">
    /// Code <see cref="ErrorCodes.InvalidSettings"/> when the company's connection variable is missing or wrong, or
    /// <see cref="ErrorCodes.DatabaseUnavailable"/> when the database cannot be reached, or
    /// <see cref="ErrorCodes.SqlSourcePrivileged"/> when its role is privileged or is the core database's user:
    /// problems for an operator, told to the model so that it can tell the user.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; the query is canceled on the server too.</exception>
    public async Task<SqlQueryResult> RunAsync(Company company, string database, string sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(sql);

        // The span never carries the query's text: it is the model's SQL over company data, logged only at Trace (and
        // the SQL sources' connections keep Npgsql's own command spans off for the same reason).
        using var activity = Telemetry.Source.StartActivity("iatoolkit.sql_query");
        activity?.SetTag(Telemetry.CompanyTag, company.ShortName);
        activity?.SetTag("db.system.name", "postgresql");
        try
        {
            var result = await RunQueryAsync(company, database, sql, activity, cancellationToken);
            activity?.SetTag("db.response.returned_rows", result.RowCount);
            activity?.SetTag("iatoolkit.sql.truncated", result.Truncated);
            return result;
        }
        catch (Exception ex)
        {
            SpanFailure.Mark(activity, ex);
            if (ex is SqlQueryException { SqlState: { } state })
            {
                activity?.SetTag("db.response.status_code", state);
            }

            throw;
        }
    }

    private async Task<SqlQueryResult> RunQueryAsync(Company company, string database, string sql, Activity? activity, CancellationToken cancellationToken)
    {
        SqlDataSource source;
        SqlStatement statement;
        try
        {
            source = FindSource(company, database);
        }
        catch (SqlQueryException)
        {
            SqlSourceLog.QueryRefused(_logger, company.ShortName, database, "unknown database");
            throw;
        }

        activity?.SetTag("iatoolkit.sql.database", source.Database);

        try
        {
            statement = SqlStatementGuard.Check(sql);
        }
        catch (SqlQueryException ex)
        {
            // The message quotes the query, which is the model's text: only at Trace.
            SqlSourceLog.QueryRefused(_logger, company.ShortName, source.Database, "not one read-only query");
            SqlSourceLog.RefusalText(_logger, company.ShortName, source.Database, ex.Message);
            throw;
        }

        SqlSourceLog.QueryText(_logger, company.ShortName, source.Database, sql);
        var stopwatch = Stopwatch.StartNew();
        await using var connection = await _connections.OpenAsync(company, source, cancellationToken);
        await _connections.EnsureLeastPrivilegeAsync(company, source, connection, cancellationToken);
        try
        {
            var rows = await PostgresQueryExecutor.RunAsync(connection, statement, _options.For(source), cancellationToken);
            var result = new SqlQueryResult(source.Database, rows, stopwatch.Elapsed);
            SqlSourceLog.QueryRan(_logger, company.ShortName, source.Database, result.RowCount, result.Truncated, stopwatch.ElapsedMilliseconds);
            return result;
        }
        catch (SqlQueryException ex)
        {
            SqlSourceLog.QueryFailed(_logger, company.ShortName, source.Database, ex.SqlState ?? "-", stopwatch.ElapsedMilliseconds);
            throw;
        }
        catch (NpgsqlException ex) when (ex is not PostgresException && !cancellationToken.IsCancellationRequested)
        {
            SqlSourceLog.QueryFailed(_logger, company.ShortName, source.Database, ex.InnerException is TimeoutException ? "timeout" : "connection", stopwatch.ElapsedMilliseconds);
            if (ex.InnerException is TimeoutException)
            {
                throw new SqlQueryException(
                    $"The database did not answer within the {_options.For(source).StatementTimeout.TotalSeconds:0.###} s limit. Make the query cheaper: filter on indexed columns, aggregate, or add LIMIT.",
                    innerException: ex);
            }

            throw new IAToolkitException(ErrorCodes.DatabaseUnavailable, $"The connection to the database '{source.Database}' was lost while the query ran.", ex);
        }
        finally
        {
            await EndTransactionAsync(connection, company, source);
        }
    }

    private async Task EndTransactionAsync(NpgsqlConnection connection, Company company, SqlDataSource source)
    {
        try
        {
            await PostgresQueryExecutor.RollbackAsync(connection);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // Npgsql rolls back a connection that returns to the pool inside a transaction, and discards a broken one.
            SqlSourceLog.RollbackFailed(_logger, ex, company.ShortName, source.Database);
        }
    }

    private static SqlDataSource FindSource(Company company, string database)
    {
        var sources = company.Configuration.SqlDataSources;
        var name = database.Trim();
        var source = sources.FirstOrDefault(s => string.Equals(s.Database, name, StringComparison.Ordinal))
            ?? sources.FirstOrDefault(s => string.Equals(s.Database, name, StringComparison.OrdinalIgnoreCase));
        if (source is not null)
        {
            return source;
        }

        throw new SqlQueryException(sources.Count == 0
            ? $"Unknown database '{database}': this company has no SQL databases."
            : $"Unknown database '{database}'. The databases of this company are: {string.Join(", ", sources.Select(s => s.Database).Order(StringComparer.Ordinal))}.");
    }
}
