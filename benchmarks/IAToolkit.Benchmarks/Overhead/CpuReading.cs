namespace IAToolkit.Benchmarks.Overhead;

/// <summary>
/// The CPU ticks of a group of processes at one moment, by process id. The group is found anew at each reading, so a
/// process that starts during a run (a new PostgreSQL backend) counts from its start; one that ends during it is lost.
/// </summary>
internal sealed class CpuReading
{
    private readonly Dictionary<int, long> _ticks;

    private CpuReading(Dictionary<int, long> ticks) => _ticks = ticks;

    public static CpuReading Take(IEnumerable<int> processes)
    {
        var ticks = new Dictionary<int, long>();
        foreach (var pid in processes)
        {
            if (ProcStat.CpuTicks(pid) is { } value)
            {
                ticks[pid] = value;
            }
        }

        return new CpuReading(ticks);
    }

    /// <summary>The CPU used between <paramref name="before"/> and this reading, in % of one core over <paramref name="wall"/>.</summary>
    public double PercentSince(CpuReading before, TimeSpan wall)
    {
        var used = _ticks.Sum(p => p.Value - before._ticks.GetValueOrDefault(p.Key));
        return used / ProcStat.TicksPerSecond / wall.TotalSeconds * 100;
    }
}
