using IAToolkit.SqlSources;

namespace IAToolkit.Core.Tests.SqlSources;

/// <summary>A huge value is cut while it is read: the host never holds it whole.</summary>
[Category("Security")]
public sealed class SqlQueryRunnerValueSizeTests : SqlReaderRoleTest
{
    // Producing and sending 100 MB takes longer than the tests' usual 1 s limit.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { [$"{SqlToolOptions.SectionName}:StatementTimeout"] = "00:01:00" };

    [TestCase("SELECT repeat('x', 100000000) AS big, 1 AS n", "[[\"xxxx")]
    [TestCase("SELECT decode(repeat('ab', 50000000), 'hex') AS big, 1 AS n", "[[\"q6ur")]
    [TestCase("SELECT repeat('9', 100000)::numeric AS big, 1 AS n", "[[\"9999")]
    [TestCase("SELECT (SELECT jsonb_agg(i) FROM generate_series(1, 3000000) i) AS big, 1 AS n", "[[\"[1, 2, 3")]
    public async Task RunAsync_HugeValue_IsCutWithoutBeingReadWhole(string sql, string start)
    {
        await Host.Runner.RunAsync(Company.Company, "erp", "SELECT 1", CancellationToken.None); // Pool, types and JIT out of the measure.
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var result = await Host.Runner.RunAsync(Company.Company, "erp", sql, CancellationToken.None);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.That(result.Rows, Does.StartWith(start));
        Assert.That(result.Rows, Does.EndWith("\u2026\",1]]"), "the value is cut and marked; the next column is read");
        Assert.That(result.Rows.Length, Is.LessThan(2000));
        Assert.That(result.ValuesShortened, Is.True);
        Assert.That(allocated, Is.LessThan(8 * 1024 * 1024), "megabytes allocated, for a value of 100 MB");
    }
}
