using System.Globalization;
using Npgsql;

namespace IAToolkit.DataSources;

/// <summary>
/// Runs one checked statement on an open connection: inside <c>BEGIN TRANSACTION READ ONLY</c>, with
/// <c>statement_timeout</c> and <c>lock_timeout</c> set for that transaction only, and always rolled back. A query
/// runs through a cursor, so PostgreSQL computes only the rows the cap lets through (one more, to know that more exist).
/// </summary>
internal static class PostgresQueryExecutor
{
    private const string BeginSql = "BEGIN TRANSACTION READ ONLY";

    /// <summary>The transaction's limits; DateStyle and bytea_output fix the text forms <see cref="PostgresValueWriter"/> reads.</summary>
    private const string SettingsSql = """
        SELECT set_config('statement_timeout', @statement_timeout, true),
               set_config('lock_timeout', @lock_timeout, true),
               set_config('DateStyle', 'ISO', true),
               set_config('bytea_output', 'hex', true)
        """;

    /// <summary>What goes before the model's query; PostgreSQL's error positions are shifted back by its length.</summary>
    private const string DeclarePrefix = "DECLARE iat_query NO SCROLL CURSOR FOR ";

    /// <summary>
    /// Ends the transaction. A session-level advisory lock is the one thing a read-only query can leave behind that a
    /// rollback keeps, and it would travel with the pooled connection, so it is released too.
    /// </summary>
    private const string RollbackSql = "ROLLBACK; SELECT pg_advisory_unlock_all()";

    public static async Task<SqlRows> RunAsync(NpgsqlConnection connection, SqlStatement statement, SqlToolOptions options, CancellationToken cancellationToken)
    {
        await using (var begin = new NpgsqlBatch(connection))
        {
            begin.BatchCommands.Add(new NpgsqlBatchCommand(BeginSql));
            var settings = new NpgsqlBatchCommand(SettingsSql);
            settings.Parameters.AddWithValue("statement_timeout", Milliseconds(options.StatementTimeout));
            settings.Parameters.AddWithValue("lock_timeout", Milliseconds(options.LockTimeout));
            begin.BatchCommands.Add(settings);
            await begin.ExecuteNonQueryAsync(cancellationToken);
        }

        var prefixLength = statement.IsCursorQuery ? DeclarePrefix.Length : 0;
        try
        {
            // The model's text always travels as a single batch command: Npgsql does not split it at ';' and
            // PostgreSQL refuses more than one statement in it, whatever the guard above concluded.
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement.IsCursorQuery ? DeclarePrefix + statement.Text : statement.Text));
            if (!statement.IsCursorQuery)
            {
                await using var direct = await batch.ExecuteReaderAsync(cancellationToken);
                return await SqlResultReader.ReadAsync(direct, options, cancellationToken);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            prefixLength = int.MaxValue; // FETCH errors (division by zero, timeouts) have no position in the query.
            var fetchSql = string.Create(CultureInfo.InvariantCulture, $"FETCH FORWARD {options.MaxRows + 1} FROM iat_query");
            await using var fetch = new NpgsqlCommand(fetchSql, connection) { AllResultTypesAreUnknown = true };
            await using var reader = await fetch.ExecuteReaderAsync(cancellationToken);
            return await SqlResultReader.ReadAsync(reader, options, cancellationToken);
        }
        catch (PostgresException ex)
        {
            throw PostgresErrorMessage.ToException(ex, statement.Text, prefixLength, options);
        }
    }

    /// <summary>Ends the transaction, whatever happened in it; a broken connection has nothing to end.</summary>
    public static async Task RollbackAsync(NpgsqlConnection connection)
    {
        if (connection.FullState == System.Data.ConnectionState.Open)
        {
            await using var rollback = new NpgsqlCommand(RollbackSql, connection);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static string Milliseconds(TimeSpan value) => Math.Max(1, (long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
