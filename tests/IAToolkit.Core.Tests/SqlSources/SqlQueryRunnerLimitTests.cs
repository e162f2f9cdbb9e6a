using System.Diagnostics;
using System.Text;
using System.Text.Json;
using IAToolkit.SqlSources;
using Npgsql;

namespace IAToolkit.Core.Tests.SqlSources;

/// <summary>The statement and lock timeouts, the row cap, the value cap and the size cap. The host sets a 1 s statement timeout and a 0.5 s lock timeout.</summary>
public sealed class SqlQueryRunnerLimitTests : SqlSourceTest
{
    [SetUp]
    public Task CreateDataAsync() => AsRoleAsync(SqlSampleData.Create);

    [Test]
    public async Task RunAsync_PgSleep60_EndsAfterTheStatementTimeoutWithAReadableError()
    {
        var company = Company();
        var runner = Host().Runner;
        var stopwatch = Stopwatch.StartNew();

        var error = (await Assert.ThrowsAsync<SqlQueryException>(() => runner.RunAsync(company.Company, "erp", "SELECT pg_sleep(60)", CancellationToken.None)))!;

        stopwatch.Stop();
        TestContext.Out.WriteLine($"pg_sleep(60) with a 1 s statement timeout ended after {stopwatch.ElapsedMilliseconds} ms");
        Assert.That(stopwatch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)).And.LessThan(TimeSpan.FromSeconds(4)));
        Assert.That(error.SqlState, Is.EqualTo("57014"));
        Assert.That(error.Message, Does.StartWith("PostgreSQL error 57014: canceling statement due to statement timeout"));
        Assert.That(error.Message, Does.Contain("Advice: The query was canceled after the 1 s limit."));
    }

    [Test]
    public async Task RunAsync_TableLockedByAnotherSession_EndsAfterTheLockTimeout()
    {
        var company = Company();
        var runner = Host().Runner;
        await using var locker = await Database.OpenAsync();
        await using var transaction = await locker.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE", locker, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        var error = (await Assert.ThrowsAsync<SqlQueryException>(() => runner.RunAsync(company.Company, "erp", "SELECT count(*) FROM orders", CancellationToken.None)))!;

        Assert.That(error.SqlState, Is.EqualTo("55P03"));
        Assert.That(error.Message, Does.Contain("lock timeout").And.Contain("Advice: A lock was not granted within 500 ms"));
    }

    [Test]
    public async Task RunAsync_TenMillionRowCrossJoin_ReturnsTheFirst200RowsQuickly()
    {
        var company = Company();
        var runner = Host().Runner;
        await runner.RunAsync(company.Company, "erp", "SELECT 1", CancellationToken.None); // open the pool first
        var stopwatch = Stopwatch.StartNew();

        var result = await runner.RunAsync(
            company.Company, "erp", "SELECT a.i, b.j FROM generate_series(1, 10000) a(i) CROSS JOIN generate_series(1, 1000) b(j)", CancellationToken.None);

        stopwatch.Stop();
        TestContext.Out.WriteLine($"10,000,000-row cross join: {result.RowCount} rows in {stopwatch.ElapsedMilliseconds} ms");
        // Reading it all would not fit in the 1 s statement timeout; the cursor computes only 201 rows.
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
        Assert.That(result.RowCount, Is.EqualTo(200));
        Assert.That(result.Truncated, Is.True);
        Assert.That(result.Rows, Does.StartWith("[[1,1],"));
        var tool = JsonDocument.Parse(result.ToToolJson()).RootElement;
        Assert.That(tool.GetProperty("truncated").GetBoolean(), Is.True);
        Assert.That(tool.GetProperty("row_count").GetInt32(), Is.EqualTo(200));
        Assert.That(tool.GetProperty("rows").GetArrayLength(), Is.EqualTo(200));
        Assert.That(tool.GetProperty("note").GetString(), Does.StartWith("Only the first 200 rows are returned; more rows exist."));
    }

    [Test]
    public async Task RunAsync_ExactlyTheRowCap_IsNotTruncated()
    {
        var company = Company();

        var result = await Host().Runner.RunAsync(company.Company, "erp", "SELECT i FROM generate_series(1, 200) i", CancellationToken.None);

        Assert.That(result.RowCount, Is.EqualTo(200));
        Assert.That(result.Truncated, Is.False);
        Assert.That(result.ToToolJson(), Does.Not.Contain("truncated").And.Not.Contain("note"));
    }

    [Test]
    public async Task RunAsync_ConfiguredRowCap_IsHonored()
    {
        var company = Company();
        var host = Host(settings: new Dictionary<string, string?> { [$"{SqlToolOptions.SectionName}:MaxRows"] = "5" });

        var result = await host.Runner.RunAsync(company.Company, "erp", "SELECT id, total, placed_on FROM orders ORDER BY id", CancellationToken.None);

        TestContext.Out.WriteLine(result.ToToolJson());
        Assert.That(result.Rows, Is.EqualTo("""[[1,10.25,"2024-01-02"],[2,20.50,"2024-01-03"],[3,30.75,"2024-01-04"],[4,41.00,"2024-01-05"],[5,51.25,"2024-01-06"]]"""));
        Assert.That(result.Truncated, Is.True);
        Assert.That(result.Note, Does.StartWith("Only the first 5 rows are returned"));
    }

    [Test]
    public async Task RunAsync_WideRows_StayUnderTheSizeCap()
    {
        var company = Company();

        var result = await Host().Runner.RunAsync(company.Company, "erp", "SELECT i, repeat('x', 900) AS filler FROM generate_series(1, 150) i", CancellationToken.None);

        var json = result.ToToolJson();
        TestContext.Out.WriteLine($"{result.RowCount} rows, {Encoding.UTF8.GetByteCount(json)} bytes");
        Assert.That(Encoding.UTF8.GetByteCount(json), Is.LessThanOrEqualTo(64 * 1024));
        Assert.That(result.RowCount, Is.InRange(60, 72));
        Assert.That(result.Truncated, Is.True);
        Assert.That(result.ValuesShortened, Is.False);
        Assert.That(result.Note, Does.StartWith($"Only the first {result.RowCount} rows fit in the 64 KB result limit"));
        Assert.That(JsonDocument.Parse(json).RootElement.GetProperty("rows").GetArrayLength(), Is.EqualTo(result.RowCount));
    }

    [Test]
    public async Task RunAsync_LongValues_AreCutWithAnEllipsisAndFlagged()
    {
        var company = Company();

        var result = await Host().Runner.RunAsync(company.Company, "erp", "SELECT repeat('é', 5000) AS long_text, decode(repeat('ab', 100), 'hex') AS blob, 'short' AS short_text", CancellationToken.None);

        var row = JsonDocument.Parse(result.Rows).RootElement[0];
        Assert.That(row[0].GetString(), Is.EqualTo(new string('é', 1000) + "…"));
        Assert.That(row[1].GetString(), Is.EqualTo(Convert.ToBase64String(Enumerable.Repeat((byte)0xab, 64).ToArray()) + "…"));
        Assert.That(row[2].GetString(), Is.EqualTo("short"));
        Assert.That(result.ValuesShortened, Is.True);
        Assert.That(result.Truncated, Is.False);
        Assert.That(result.ToToolJson(), Does.Contain("\"values_shortened\":true").And.Contain("Long values were cut and end with …"));
    }

    [Test]
    public async Task RunAsync_Timeouts_AreLocalToTheToolsTransaction()
    {
        var company = Company();
        var host = Host();

        var inside = await host.Runner.RunAsync(company.Company, "erp", "SHOW statement_timeout", CancellationToken.None);
        await using var pooled = await host.Connections.OpenAsync(company.Company, company.Source(), CancellationToken.None);
        await using var command = new NpgsqlCommand("SELECT current_setting('statement_timeout') || ' ' || current_setting('transaction_read_only')", pooled);

        Assert.That(inside.Rows, Is.EqualTo("[[\"1s\"]]"));
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("0 off"), "the pooled connection came back without the tool's settings");
    }

    [Test]
    public async Task RunAsync_Canceled_StopsTheQueryAndLeavesThePoolUsable()
    {
        var company = Company();
        var runner = Host(settings: new Dictionary<string, string?> { [$"{SqlToolOptions.SectionName}:StatementTimeout"] = "00:00:30" }).Runner;
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var stopwatch = Stopwatch.StartNew();

        await Assert.CatchAsync<OperationCanceledException>(() => runner.RunAsync(company.Company, "erp", "SELECT pg_sleep(60)", cancellation.Token));

        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        var next = await runner.RunAsync(company.Company, "erp", "SELECT count(*) FROM orders", CancellationToken.None);
        Assert.That(next.Rows, Is.EqualTo("[[300]]"));
    }
}
