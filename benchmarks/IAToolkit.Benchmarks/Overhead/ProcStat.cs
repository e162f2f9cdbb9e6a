using System.Globalization;

namespace IAToolkit.Benchmarks.Overhead;

/// <summary>What Linux's <c>/proc</c> says about a process: CPU time, parent, command line, resident memory.</summary>
internal static class ProcStat
{
    /// <summary>USER_HZ, the unit of the CPU times in <c>/proc/&lt;pid&gt;/stat</c>: 100 on every Linux this runs on.</summary>
    public const double TicksPerSecond = 100;

    /// <summary>User plus system CPU time in clock ticks, or null when the process is gone.</summary>
    public static long? CpuTicks(int pid) => Fields(pid) is { } fields ? long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture) : null;

    /// <summary>The parent's id, or null when the process is gone.</summary>
    public static int? ParentId(int pid) => Fields(pid) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : null;

    /// <summary>The command line with spaces between arguments (a PostgreSQL backend shows its database there).</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    /// <summary>Resident memory (VmRSS) in bytes, or null when the process is gone.</summary>
    public static long? ResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Every process id now in <c>/proc</c>.</summary>
    public static IEnumerable<int> All()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                yield return pid;
            }
        }
    }

    // The fields after the command name, which is in parentheses and may hold spaces: [0] is the state, [1] the parent,
    // [11] utime and [12] stime (fields 3, 4, 14 and 15 of proc(5)).
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}
