using IAToolkit.SqlSources;

namespace IAToolkit.Core.Tests.SqlSources;

/// <summary>
/// The tool's role owns every table here, so only the tool stops a write: the guard for what does not start as a
/// query, and PostgreSQL's read-only transaction (always rolled back) for what hides inside one.
/// </summary>
[Category("Security")]
public sealed class SqlQueryRunnerReadOnlyTests : SqlSourceTest
{
    [SetUp]
    public Task CreateDataAsync() => AsRoleAsync(SqlSampleData.Create);

    [TestCase("DROP TABLE orders")]
    [TestCase("UPDATE orders SET total = 0")]
    [TestCase("INSERT INTO orders (customer_id, total, placed_on) VALUES (1, 1, now())")]
    [TestCase("DELETE FROM orders")]
    [TestCase("CREATE TABLE intruder (id int)")]
    [TestCase("TRUNCATE orders")]
    [TestCase("COPY orders TO STDOUT")]
    [TestCase("COPY orders FROM STDIN")]
    [TestCase("SELECT 1; DROP TABLE orders")]
    [TestCase("SELECT 1; COMMIT; UPDATE orders SET total = 0")]
    [TestCase("SELECT count(*) FROM orders; DELETE FROM orders")]
    public async Task RunAsync_StatementThatIsNotOneQuery_IsRefusedAndChangesNothing(string sql)
    {
        var before = await ScalarAsync<string>(SqlSampleData.Checksum);
        var company = Company();

        var error = (await Assert.ThrowsAsync<SqlQueryException>(() => Host().Runner.RunAsync(company.Company, "erp", sql, CancellationToken.None)))!;

        Assert.That(error.Code, Is.EqualTo(ErrorCodes.SqlError));
        Assert.That(error.SqlState, Is.Null, "the guard refused it before PostgreSQL saw it");
        Assert.That(await ScalarAsync<string>(SqlSampleData.Checksum), Is.EqualTo(before));
    }

    [TestCase("SELECT drop_orders()", "cannot execute DROP TABLE in a read-only transaction")]
    [TestCase("SELECT truncate_orders()", "cannot execute TRUNCATE TABLE in a read-only transaction")]
    [TestCase("SELECT create_table()", "cannot execute CREATE TABLE in a read-only transaction")]
    [TestCase("SELECT update_orders()", "cannot execute UPDATE in a read-only transaction")]
    [TestCase("SELECT insert_order()", "cannot execute INSERT in a read-only transaction")]
    [TestCase("SELECT delete_orders()", "cannot execute DELETE in a read-only transaction")]
    [TestCase("SELECT nextval('invoice_numbers')", "cannot execute nextval() in a read-only transaction")]
    [TestCase("SELECT setval('invoice_numbers', 99)", "cannot execute setval() in a read-only transaction")]
    [TestCase("SELECT * FROM orders FOR UPDATE", "cannot execute SELECT FOR UPDATE in a read-only transaction")]
    public async Task RunAsync_WriteInsideAQuery_FailsWithPostgresReadOnlyErrorAndChangesNothing(string sql, string message)
    {
        var before = await ScalarAsync<string>(SqlSampleData.Checksum);
        var company = Company();

        var error = (await Assert.ThrowsAsync<SqlQueryException>(() => Host().Runner.RunAsync(company.Company, "erp", sql, CancellationToken.None)))!;

        Assert.That(error.SqlState, Is.EqualTo("25006"));
        Assert.That(error.Message, Does.StartWith($"PostgreSQL error 25006: {message}"));
        Assert.That(error.Message, Does.Contain("Advice: The SQL tool is read-only"));
        Assert.That(await ScalarAsync<string>(SqlSampleData.Checksum), Is.EqualTo(before));
    }

    [Test]
    public async Task RunAsync_DataModifyingWith_FailsWithPostgresErrorAndChangesNothing()
    {
        var before = await ScalarAsync<string>(SqlSampleData.Checksum);
        var company = Company();

        var error = (await Assert.ThrowsAsync<SqlQueryException>(() => Host().Runner.RunAsync(
            company.Company, "erp", "WITH gone AS (DELETE FROM orders RETURNING id) SELECT count(*) FROM gone", CancellationToken.None)))!;

        Assert.That(error.SqlState, Is.EqualTo("0A000"));
        Assert.That(error.Message, Does.Contain("data-modifying statements in WITH"));
        Assert.That(await ScalarAsync<string>(SqlSampleData.Checksum), Is.EqualTo(before));
    }

    [Test]
    public async Task RunAsync_SelectInto_FailsWithPostgresErrorAndChangesNothing()
    {
        var before = await ScalarAsync<string>(SqlSampleData.Checksum);
        var company = Company();

        var error = (await Assert.ThrowsAsync<SqlQueryException>(() => Host().Runner.RunAsync(company.Company, "erp", "SELECT * INTO orders_copy FROM orders", CancellationToken.None)))!;

        Assert.That(error.SqlState, Is.Not.Null, "PostgreSQL refused it");
        Assert.That(await ScalarAsync<string>(SqlSampleData.Checksum), Is.EqualTo(before));
    }

    [Test]
    public async Task RunAsync_SessionAdvisoryLock_IsNotLeftHeldByThePooledConnection()
    {
        var company = Company();
        var runner = Host().Runner;

        await runner.RunAsync(company.Company, "erp", "SELECT pg_advisory_lock(4242)", CancellationToken.None);

        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242"), Is.Zero);
    }

    [Test]
    public async Task RunAsync_LoImport_FailsWithPostgresPermissionError()
    {
        var before = await ScalarAsync<string>(SqlSampleData.Checksum);
        var company = Company();

        var error = (await Assert.ThrowsAsync<SqlQueryException>(() => Host().Runner.RunAsync(company.Company, "erp", "SELECT lo_import('/etc/hostname')", CancellationToken.None)))!;

        Assert.That(error.SqlState, Is.EqualTo("42501"));
        Assert.That(error.Message, Does.StartWith("PostgreSQL error 42501: permission denied for function lo_import"));
        Assert.That(await ScalarAsync<string>(SqlSampleData.Checksum), Is.EqualTo(before));
    }

    [Test]
    public async Task RunAsync_TurningReadOnlyOff_FailsAndChangesNothing()
    {
        var before = await ScalarAsync<string>(SqlSampleData.Checksum);
        var company = Company();

        var error = (await Assert.ThrowsAsync<SqlQueryException>(() => Host().Runner.RunAsync(
            company.Company, "erp", "SELECT set_config('transaction_read_only', 'off', true), update_orders()", CancellationToken.None)))!;

        Assert.That(error.SqlState, Is.EqualTo("25001"));
        Assert.That(await ScalarAsync<string>(SqlSampleData.Checksum), Is.EqualTo(before));
    }

    [TestCase("DROP TABLE orders")]
    [TestCase("UPDATE orders SET total = 0")]
    [TestCase("INSERT INTO orders (customer_id, total, placed_on) VALUES (1, 1, now())")]
    [TestCase("DELETE FROM orders")]
    [TestCase("CREATE TABLE intruder (id int)")]
    [TestCase("TRUNCATE orders")]
    [TestCase("COPY (SELECT 1) TO PROGRAM 'id'")]
    [TestCase("SELECT 1; DROP TABLE orders")]
    [TestCase("SELECT 1; COMMIT; DROP TABLE orders")]
    [TestCase("SELECT 1 --\rCOMMIT; DROP TABLE orders")]
    public async Task Executor_WithoutTheGuard_SendsNothingButACursorQuery(string sql)
    {
        // What a mistake in the guard would let through: the text is a cursor's query, and PostgreSQL accepts nothing
        // else there (one statement, a query), so it is a syntax error before anything runs.
        var before = await ScalarAsync<string>(SqlSampleData.Checksum);
        var company = Company();
        var host = Host();
        await using var connection = await host.Connections.OpenAsync(company.Company, company.Source(), CancellationToken.None);

        var error = (await Assert.ThrowsAsync<SqlQueryException>(() => PostgresQueryExecutor.RunAsync(
            connection, SqlStatement.ForQuery(sql, "SELECT"), new SqlToolOptions(), CancellationToken.None)))!;
        await PostgresQueryExecutor.RollbackAsync(connection);

        Assert.That(error.SqlState, Is.EqualTo("42601"), error.Message);
        Assert.That(await ScalarAsync<string>(SqlSampleData.Checksum), Is.EqualTo(before));
    }
}
