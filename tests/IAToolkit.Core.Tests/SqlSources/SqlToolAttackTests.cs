using IAToolkit.SqlSources;
using Npgsql;

namespace IAToolkit.Core.Tests.SqlSources;

/// <summary>
/// What a prompt-injected model would try, each run twice: through the tool (guard, cursor, read-only transaction)
/// and past the guard as the read-only role, which must refuse it on its own (permission denied).
/// </summary>
[Category("Security")]
public sealed class SqlToolAttackTests : SqlReaderRoleTest
{
    private static readonly string s_marker = "/tmp/iat_smuggled_" + Guid.NewGuid().ToString("N");

    // {X} is the smuggled statement: it runs a program on the database server, which would leave the marker file.
    private static readonly string[] s_smuggling =
    [
        "SELECT 1 --\r{X}",
        "SELECT 1 --\r; {X}",
        "SHOW x --\r{X} /*\n*/",
        "EXPLAIN SELECT 1 --\r; {X}",
        "SELECT 1 --\f\n; {X}",
        "SELECT 1 --\v; {X}",
        "SELECT 1 --\u2028; {X}",
        "SELECT 1 --\u0085; {X}",
        "SELECT 1 /* /* */ ; {X} */",
        "SELECT 1 /*/ ; {X} */",
        "SELECT 1 */* ; {X} */ 2",
        "SELECT 'a'';' ; {X}",
        "SELECT 'a\\'; {X} --'",
        "SELECT E'\\'' ; {X} --'",
        "SELECT E'a'\n'\\' ; {X} ; SELECT '",
        "SELECT \u00A0e'\\' ; {X} --'",
        "SELECT N'a'';' ; {X}",
        "SELECT B'1'\n'0' ; {X}",
        "SELECT X'1F' ; {X}",
        "SELECT U&'!0027; {X}' UESCAPE '!'",
        "SELECT U&'\\0027' UESCAPE '!' ; {X}",
        "SELECT U&\"a;\" FROM (SELECT 1 AS \"a;\") t; {X}",
        "SELECT 1 AS \"a\"\";\" ; {X}",
        "SELECT $$ ; $$ ; {X}",
        "SELECT $t$ $$ ; $t$ ; {X}",
        "SELECT $1 ; {X}",
        "SELECT 1\0; {X}",
        "SELECT 1\u001b; {X}",
        "{X}",
        "WITH x AS (SELECT 1) {X}",
        "SHOW search_path; {X}",
        "EXPLAIN (\"analyze\") {X}",
    ];

    [TestCaseSource(nameof(s_smuggling))]
    public async Task RunAsync_SmuggledStatement_NeverRunsThroughTheToolNorAsTheReader(string template)
    {
        var program = $"COPY (SELECT 1) TO PROGRAM 'touch {s_marker}'";
        var sql = template.Replace("{X}", program, StringComparison.Ordinal);
        var before = await ScalarAsync<string>(SqlSampleData.Checksum);

        // Through the tool: refused, or harmless.
        try
        {
            await Host.Runner.RunAsync(Company.Company, "erp", sql, CancellationToken.None);
        }
        catch (SqlQueryException)
        {
        }

        // Past the guard: the executor sends it as a cursor's query, as the reader.
        await using (var connection = await Host.Connections.OpenAsync(Company.Company, Company.Source(), CancellationToken.None))
        {
            try
            {
                await PostgresQueryExecutor.RunAsync(connection, SqlStatement.ForQuery(sql, "SELECT"), new SqlToolOptions(), CancellationToken.None);
            }
            catch (Exception ex) when (ex is SqlQueryException or NpgsqlException or ArgumentException)
            {
            }
            finally
            {
                await PostgresQueryExecutor.RollbackAsync(connection);
            }
        }

        // And the smuggled statement on its own, as the reader, with nothing else in the way.
        var denied = await AsReaderAsync(program);

        Assert.That(denied?.SqlState, Is.EqualTo("42501"), "the read-only role may not run programs");
        Assert.That(File.Exists(s_marker), Is.False, "no program ran on the database server");
        Assert.That(await ScalarAsync<string>(SqlSampleData.Checksum), Is.EqualTo(before));
    }

    [TestCase("SELECT pg_read_file('/etc/passwd')")]
    [TestCase("SELECT pg_read_binary_file('/etc/passwd')")]
    [TestCase("SELECT pg_ls_dir('/')")]
    [TestCase("SELECT * FROM pg_stat_file('/etc/passwd')")]
    [TestCase("SELECT * FROM pg_ls_logdir()")]
    [TestCase("SELECT * FROM pg_ls_waldir()")]
    [TestCase("SELECT * FROM pg_ls_tmpdir()")]
    [TestCase("SELECT lo_import('/etc/hostname')")]
    [TestCase("SELECT lo_export(0, '/tmp/iat_lo_export')")]
    [TestCase("SELECT pg_reload_conf()")]
    [TestCase("SELECT pg_rotate_logfile()")]
    [TestCase("SELECT pg_current_logfile()")]
    [TestCase("SELECT pg_switch_wal()")]
    [TestCase("SELECT pg_create_restore_point('iat')")]
    [TestCase("SELECT set_config('log_statement', 'none', false)")]
    [TestCase("SELECT current_setting('data_directory')")]
    [TestCase("SELECT current_setting('hba_file')")]
    [TestCase("SHOW config_file")]
    [TestCase("SHOW data_directory")]
    [TestCase("SELECT rolname, rolpassword FROM pg_authid")]
    [TestCase("SELECT * FROM pg_shadow")]
    [TestCase("SELECT * FROM pg_hba_file_rules")]
    [TestCase("SELECT * FROM pg_file_settings")]
    public async Task RunAsync_AdminFunction_IsDeniedToTheReaderRole(string sql)
    {
        var before = await ScalarAsync<string>(SqlSampleData.Checksum);

        var error = (await Assert.ThrowsAsync<SqlQueryException>(() => Host.Runner.RunAsync(Company.Company, "erp", sql, CancellationToken.None)))!;
        var direct = await AsReaderAsync(sql.StartsWith("SHOW", StringComparison.Ordinal) ? sql : sql);

        Assert.That(error.SqlState, Is.EqualTo("42501"), error.Message);
        Assert.That(error.Message, Does.StartWith("PostgreSQL error 42501:"));
        Assert.That(direct?.SqlState, Is.EqualTo("42501"), "the role refuses it without the tool");
        Assert.That(await ScalarAsync<string>(SqlSampleData.Checksum), Is.EqualTo(before));
    }

    [TestCase("COPY (SELECT 1) TO PROGRAM 'id'")]
    [TestCase("COPY (SELECT 1) TO '/tmp/iat_copy_out'")]
    [TestCase("COPY orders FROM '/etc/passwd'")]
    [TestCase("COPY orders FROM PROGRAM 'id'")]
    public async Task RunAsync_CopyWithServerFilesOrPrograms_IsRefusedAndDeniedToTheReaderRole(string sql)
    {
        var error = (await Assert.ThrowsAsync<SqlQueryException>(() => Host.Runner.RunAsync(Company.Company, "erp", sql, CancellationToken.None)))!;
        var direct = await AsReaderAsync(sql);

        Assert.That(error.Message, Does.StartWith("COPY is not allowed"));
        Assert.That(direct?.SqlState, Is.EqualTo("42501"), direct?.MessageText);
    }

    [TestCase("SELECT pg_terminate_backend({pid})")]
    [TestCase("SELECT pg_cancel_backend({pid})")]
    public async Task RunAsync_SignalAnotherSession_IsDeniedAndTheSessionLives(string template)
    {
        await using var admin = await Database.OpenAsync();
        await using (var pidCommand = new NpgsqlCommand("SELECT pg_backend_pid()", admin))
        {
            var pid = (int)(await pidCommand.ExecuteScalarAsync())!;
            var sql = template.Replace("{pid}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

            var error = (await Assert.ThrowsAsync<SqlQueryException>(() => Host.Runner.RunAsync(Company.Company, "erp", sql, CancellationToken.None)))!;
            var direct = await AsReaderAsync(sql);

            Assert.That(error.SqlState, Is.EqualTo("42501"), error.Message);
            Assert.That(direct?.SqlState, Is.EqualTo("42501"));
        }

        await using var alive = new NpgsqlCommand("SELECT 1", admin);
        Assert.That(await alive.ExecuteScalarAsync(), Is.EqualTo(1), "the other session was neither killed nor canceled");
    }

    [Test]
    public async Task RunAsync_OtherSessionsQueries_AreHiddenFromTheReaderRole()
    {
        await using var admin = await Database.OpenAsync();
        await using (var secret = new NpgsqlCommand("SELECT 'iat-secret-query-text'", admin))
        {
            await secret.ExecuteScalarAsync();
        }

        var result = await Host.Runner.RunAsync(Company.Company, "erp", "SELECT query FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database()", CancellationToken.None);

        Assert.That(result.Rows, Does.Not.Contain("iat-secret-query-text"));
        Assert.That(result.Rows, Does.Contain("insufficient privilege"));
    }

    [Test]
    public async Task RunAsync_ResourceAndLockFunctions_AreHarmless()
    {
        var before = await ScalarAsync<string>(SqlSampleData.Checksum);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var sleep = (await Assert.ThrowsAsync<SqlQueryException>(() => Host.Runner.RunAsync(Company.Company, "erp", "SELECT set_config('statement_timeout', '0', true), pg_sleep(30)", CancellationToken.None)))!;
        await Host.Runner.RunAsync(Company.Company, "erp", "SELECT pg_advisory_lock(4243), pg_try_advisory_lock(4244), pg_advisory_xact_lock(4245)", CancellationToken.None);
        try
        {
            await Host.Runner.RunAsync(Company.Company, "erp", "SELECT txid_current(), pg_current_xact_id()", CancellationToken.None);
        }
        catch (SqlQueryException)
        {
        }

        Assert.That(sleep.SqlState, Is.EqualTo("57014"), "the statement timeout still holds");
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)));
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"), Is.Zero);
        Assert.That(await ScalarAsync<string>(SqlSampleData.Checksum), Is.EqualTo(before));
    }

    [Test]
    public async Task RunAsync_Dblink_IsNotAvailableToTheReaderRole()
    {
        var available = await ScalarAsync<long>("SELECT count(*) FROM pg_available_extensions WHERE name = 'dblink'") > 0;

        // Outside the tool the reader can leave read-only mode: the lacking privilege must still stop it.
        var create = await AsReaderAsync("BEGIN TRANSACTION READ WRITE; CREATE EXTENSION dblink; COMMIT");
        var call = (await Assert.ThrowsAsync<SqlQueryException>(() => Host.Runner.RunAsync(
            Company.Company, "erp", "SELECT dblink_exec('dbname=postgres', 'CREATE ROLE intruder SUPERUSER')", CancellationToken.None)))!;

        Assert.That(create?.SqlState, Is.EqualTo(available ? "42501" : "58P01"), create?.MessageText);
        Assert.That(call.SqlState, Is.EqualTo("42883"), "dblink is not installed in the database");
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM pg_roles WHERE rolname = 'intruder'"), Is.Zero);
    }

    [TestCase("SHOW search_path", "[[\"\\\"$user\\\", public\"]]", "search_path")]
    [TestCase("show TIME ZONE", "[[\"UTC\"]]", "timezone")]
    public async Task RunAsync_Show_ReadsTheSettingThroughCurrentSetting(string sql, string rows, string column)
    {
        await AsAdminAsync($"ALTER ROLE {Reader.Name} SET timezone = 'UTC'");
        NpgsqlConnection.ClearAllPools();

        var result = await Host.Runner.RunAsync(Company.Company, "erp", sql, CancellationToken.None);

        Assert.That(result.Rows, Is.EqualTo(rows));
        Assert.That(result.Columns.Single().Name, Is.EqualTo(column));
    }

    [Test]
    public async Task RunAsync_ShowAll_ListsTheVisibleSettingsWithoutSecrets()
    {
        var result = await Host.Runner.RunAsync(Company.Company, "erp", "SHOW ALL", CancellationToken.None);

        Assert.That(result.Columns.Select(c => c.Name), Is.EqualTo(new[] { "name", "setting", "unit", "description" }));
        Assert.That(result.Rows, Does.Contain("[\"application_name\",\"iatoolkit-sql\""));
        Assert.That(result.Rows, Does.Not.Contain("\"data_directory\""));
    }

    [TestCase("EXPLAIN SELECT * FROM orders", "Seq Scan on orders")]
    [TestCase("EXPLAIN (FORMAT JSON) SELECT * FROM orders", "\"Node Type\"")]
    [TestCase("EXPLAIN (FORMAT XML) SELECT * FROM orders", "<Node-Type>Seq Scan</Node-Type>")]
    [TestCase("EXPLAIN (FORMAT YAML, COSTS OFF) SELECT * FROM orders", "Node Type: \\\"Seq Scan\\\"")]
    [TestCase("EXPLAIN VERBOSE SELECT id FROM orders", "Output: id")]
    public async Task RunAsync_Explain_ReturnsThePlan(string sql, string expected)
    {
        var result = await Host.Runner.RunAsync(Company.Company, "erp", sql, CancellationToken.None);

        Assert.That(result.Rows, Does.Contain(expected));
    }

    [TestCase("EXPLAIN SELECT drop_orders() FROM nowhere", "relation \"nowhere\" does not exist", "line 1, column 35, near \"nowhere\"")]
    [TestCase("EXPLAIN (FORMAT JSON) SELECT 1; SELECT 2", "Only one statement", null)]
    public async Task RunAsync_ExplainOfABadQuery_PointsAtTheModelsText(string sql, string message, string? position)
    {
        var error = (await Assert.ThrowsAsync<SqlQueryException>(() => Host.Runner.RunAsync(Company.Company, "erp", sql, CancellationToken.None)))!;

        Assert.That(error.Message, Does.Contain(message));
        if (position is not null)
        {
            Assert.That(error.Message, Does.Contain("Position: " + position));
        }
    }
}
