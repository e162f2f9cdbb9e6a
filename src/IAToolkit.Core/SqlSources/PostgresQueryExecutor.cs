using System.Data;
using System.Globalization;
using Npgsql;

namespace IAToolkit.SqlSources;

/// <summary>
/// Runs one checked statement on an open connection: inside <c>BEGIN TRANSACTION READ ONLY</c>, with
/// <c>statement_timeout</c> and <c>lock_timeout</c> set for that transaction only, and always rolled back. The model's
/// text never reaches PostgreSQL bare: a query runs as <c>DECLARE … CURSOR FOR</c> (PostgreSQL accepts nothing but
/// one query there, and computes only the rows the cap lets through), an EXPLAIN explains only a query that was
/// declared that way first, with options the tool writes, and SHOW is <c>current_setting($1)</c>.
/// </summary>
internal static class PostgresQueryExecutor
{
    private const string BeginSql = "BEGIN TRANSACTION READ ONLY";

    /// <summary>
    /// The transaction's limits; DateStyle and bytea_output fix the text forms <see cref="PostgresValueWriter"/> reads,
    /// and standard_conforming_strings the string rules <see cref="PostgresLexer"/> follows.
    /// </summary>
    private const string SettingsSql = """
        SELECT set_config('statement_timeout', @statement_timeout, true),
               set_config('lock_timeout', @lock_timeout, true),
               set_config('DateStyle', 'ISO', true),
               set_config('bytea_output', 'hex', true),
               set_config('standard_conforming_strings', 'on', true)
        """;

    /// <summary>What goes before the model's query; PostgreSQL's error positions are shifted back by its length.</summary>
    private const string DeclarePrefix = "DECLARE iat_query NO SCROLL CURSOR FOR ";

    /// <summary>SHOW x: the name travels as a parameter ($1, so Npgsql sends the text as it is), never as SQL text.</summary>
    private const string ShowSql = "SELECT pg_catalog.current_setting($1) AS ";

    private const string ShowAllSql = "SELECT name, setting, unit, short_desc AS description FROM pg_catalog.pg_settings ORDER BY name";

    /// <summary>
    /// Ends the transaction. A session-level advisory lock is the one thing a read-only query can leave behind that a
    /// rollback keeps, and it would travel with the pooled connection, so it is released too.
    /// </summary>
    private const string RollbackSql = "ROLLBACK; SELECT pg_advisory_unlock_all()";

    public static async Task<SqlRows> RunAsync(NpgsqlConnection connection, SqlStatement statement, SqlToolOptions options, CancellationToken cancellationToken)
    {
        if (statement.Form == SqlStatementForm.Show)
        {
            await using (var begin = new NpgsqlBatch(connection))
            {
                AddBegin(begin, options);
                await begin.ExecuteNonQueryAsync(cancellationToken);
            }

            return await ShowAsync(connection, statement.Setting, options, cancellationToken);
        }

        // The transaction and its limits, then the model's query declared as a cursor, go in one round trip:
        // PostgreSQL runs them in order and stops at the first error, so the limits hold for the query.
        var query = statement.Query ?? throw new ArgumentException("A query or EXPLAIN statement carries its query.", nameof(statement));
        await using (var batch = new NpgsqlBatch(connection))
        {
            AddBegin(batch, options);

            // The model's text always travels as a single batch command: Npgsql does not split it at ';' and
            // PostgreSQL refuses more than one statement in it, whatever the guard above concluded.
            batch.BatchCommands.Add(new NpgsqlBatchCommand(DeclarePrefix + query));
            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException ex)
            {
                // The transaction's own statements do not fail on a live connection: the error is the query's.
                throw PostgresErrorMessage.ToException(ex, statement.Text, DeclarePrefix.Length - statement.QueryOffset, options);
            }
        }

        var shift = int.MaxValue;
        try
        {
            if (statement.Form == SqlStatementForm.Explain)
            {
                // The same text PostgreSQL just accepted as a cursor's query, now explained (never run).
                var explain = $"EXPLAIN {statement.ExplainOptions} ";
                shift = explain.Length - statement.QueryOffset;
                await using var plan = new NpgsqlBatch(connection);
                plan.BatchCommands.Add(new NpgsqlBatchCommand(explain + query));
                await using var lines = await plan.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
                return await SqlResultReader.ReadAsync(lines, options, cancellationToken);
            }

            // FETCH errors (division by zero, timeouts) have no position in the query. All columns come as text: the
            // forms PostgresValueWriter reads, whatever the type.
            var fetchSql = string.Create(CultureInfo.InvariantCulture, $"FETCH FORWARD {options.MaxRows + 1} FROM iat_query");
            await using var fetch = new NpgsqlCommand(fetchSql, connection) { AllResultTypesAreUnknown = true };
            await using var rows = await fetch.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            return await SqlResultReader.ReadAsync(rows, options, cancellationToken);
        }
        catch (PostgresException ex)
        {
            throw PostgresErrorMessage.ToException(ex, statement.Text, shift, options);
        }
    }

    private static void AddBegin(NpgsqlBatch batch, SqlToolOptions options)
    {
        batch.BatchCommands.Add(new NpgsqlBatchCommand(BeginSql));
        var settings = new NpgsqlBatchCommand(SettingsSql);
        settings.Parameters.AddWithValue("statement_timeout", Milliseconds(options.StatementTimeout));
        settings.Parameters.AddWithValue("lock_timeout", Milliseconds(options.LockTimeout));
        batch.BatchCommands.Add(settings);
    }

    /// <summary>Ends the transaction, whatever happened in it; a broken connection has nothing to end.</summary>
    public static async Task RollbackAsync(NpgsqlConnection connection)
    {
        if (connection.FullState == ConnectionState.Open)
        {
            await using var rollback = new NpgsqlCommand(RollbackSql, connection);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task<SqlRows> ShowAsync(NpgsqlConnection connection, string? setting, SqlToolOptions options, CancellationToken cancellationToken)
    {
        // The column is named after the setting, as SHOW names it; the guard let only [a-z0-9_$.] through.
        await using var command = new NpgsqlCommand(setting is null ? ShowAllSql : ShowSql + "\"" + setting + "\"", connection) { AllResultTypesAreUnknown = true };
        if (setting is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = setting });
        }

        try
        {
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            return await SqlResultReader.ReadAsync(reader, options, cancellationToken);
        }
        catch (PostgresException ex)
        {
            throw PostgresErrorMessage.ToException(ex, string.Empty, int.MaxValue, options);
        }
    }

    private static string Milliseconds(TimeSpan value) => Math.Max(1, (long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
