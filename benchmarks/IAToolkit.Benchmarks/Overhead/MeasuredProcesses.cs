namespace IAToolkit.Benchmarks.Overhead;

/// <summary>
/// The processes whose CPU the table shows: the host, PostgreSQL, Redis and this process (the model server). PostgreSQL
/// is the postmaster, its background processes and the backends of the benchmark's own databases: the local server is
/// shared with whatever else runs on the machine, and backends of other databases are not this run's work.
/// </summary>
internal sealed class MeasuredProcesses(int host, int postmaster, int redis, IReadOnlyList<string> databases)
{
    public int Host { get; } = host;

    public CpuReading HostCpu() => CpuReading.Take([Host]);

    public CpuReading PostgresCpu() => CpuReading.Take(PostgresProcesses());

    public CpuReading RedisCpu() => CpuReading.Take(redis > 0 ? [redis] : []);

    public static CpuReading SelfCpu() => CpuReading.Take([Environment.ProcessId]);

    private IEnumerable<int> PostgresProcesses()
    {
        yield return postmaster;
        foreach (var pid in ProcStat.All())
        {
            if (ProcStat.ParentId(pid) != postmaster)
            {
                continue;
            }

            var command = ProcStat.CommandLine(pid);
            var ours = databases.Any(d => command.Contains($" {d} ", StringComparison.Ordinal) || command.EndsWith($" {d}", StringComparison.Ordinal));
            var clientOfAnother = command.Contains('(', StringComparison.Ordinal) || command.Contains("[local]", StringComparison.Ordinal) || command.Contains("worker", StringComparison.Ordinal);
            if (ours || !clientOfAnother)
            {
                yield return pid;
            }
        }
    }
}
