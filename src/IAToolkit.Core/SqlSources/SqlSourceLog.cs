using Microsoft.Extensions.Logging;

namespace IAToolkit.SqlSources;

/// <summary>The log messages of the company SQL sources, with fixed event ids (1400s). The SQL text only at Trace; values and connection strings never.</summary>
internal static partial class SqlSourceLog
{
    [LoggerMessage(1401, LogLevel.Information, "Opened the connection pool of company {Company} database {Database} ({Endpoint})")]
    public static partial void PoolCreated(ILogger logger, string company, string database, string endpoint);

    [LoggerMessage(1402, LogLevel.Warning, "Company {Company} database {Database} is queried although {Reason}: privileged roles are allowed by configuration. A read-only transaction does not stop such a role from reading server files or ending sessions; give the SQL tool a role that can only SELECT")]
    public static partial void Superuser(ILogger logger, string company, string database, string reason);

    [LoggerMessage(2100, LogLevel.Error, "The SQL tool refuses company {Company} database {Database}: {Reason}. Point {Variable} at a login role that can only SELECT")]
    public static partial void PrivilegedRoleRefused(ILogger logger, string company, string database, string reason, string variable);

    [LoggerMessage(2101, LogLevel.Warning, "{Setting} is true: the SQL tool runs even on superuser and other privileged database roles, which can read the server's files and end other sessions. Use it only while a least-privilege role is being set up")]
    public static partial void PrivilegedRolesAllowed(ILogger logger, string setting);

    [LoggerMessage(1403, LogLevel.Warning, "Company {Company} database {Database} cannot be reached: {Reason}")]
    public static partial void Unreachable(ILogger logger, string company, string database, string reason);

    [LoggerMessage(1404, LogLevel.Debug, "Query on {Company}/{Database} returned {RowCount} row(s) (truncated: {Truncated}) in {ElapsedMs} ms")]
    public static partial void QueryRan(ILogger logger, string company, string database, int rowCount, bool truncated, long elapsedMs);

    [LoggerMessage(1405, LogLevel.Information, "Query on {Company}/{Database} failed after {ElapsedMs} ms with SQLSTATE {SqlState}")]
    public static partial void QueryFailed(ILogger logger, string company, string database, string sqlState, long elapsedMs);

    [LoggerMessage(1406, LogLevel.Information, "Query on {Company}/{Database} was refused before it ran: {Reason}")]
    public static partial void QueryRefused(ILogger logger, string company, string database, string reason);

    [LoggerMessage(1411, LogLevel.Trace, "Refusal sent to the model for {Company}/{Database}: {Message}")]
    public static partial void RefusalText(ILogger logger, string company, string database, string message);

    [LoggerMessage(1407, LogLevel.Trace, "SQL for {Company}/{Database}: {Sql}")]
    public static partial void QueryText(ILogger logger, string company, string database, string sql);

    [LoggerMessage(1408, LogLevel.Warning, "The rollback after a query on {Company}/{Database} failed; Npgsql resets or discards the connection")]
    public static partial void RollbackFailed(ILogger logger, Exception exception, string company, string database);

    [LoggerMessage(1409, LogLevel.Debug, "Described {Company}/{Database}: {TableCount} table(s) in {ElapsedMs} ms")]
    public static partial void Described(ILogger logger, string company, string database, int tableCount, long elapsedMs);

    [LoggerMessage(1410, LogLevel.Warning, "{File}: {KeyPath} names the table {Table}, which company {Company} database {Database} does not have (or the tool's role cannot read)")]
    public static partial void ConfiguredTableMissing(ILogger logger, string file, string keyPath, string table, string company, string database);
}
