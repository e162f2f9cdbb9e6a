using System.Globalization;

namespace IAToolkit.Benchmarks.Overhead;

/// <summary>
/// The warnings and errors the host logged during the benchmark (console "simple" format: <c>warn: Category[id]</c>
/// and the message on the next line), counted by level, category and event id: errors under load show here even when
/// every response was a 200.
/// </summary>
internal static class HostLogSummary
{
    private static readonly string[] s_levels = ["warn: ", "fail: ", "crit: "];

    public static IReadOnlyList<string> Lines(string log, int top = 8)
    {
        var lines = log.Split('\n');
        var entries = new List<(string Source, string Message)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (s_levels.Any(l => lines[i].StartsWith(l, StringComparison.Ordinal)))
            {
                var message = i + 1 < lines.Length ? lines[i + 1].Trim() : string.Empty;
                entries.Add((lines[i].Trim(), message.Length > 160 ? message[..160] + "…" : message));
            }
        }

        return [.. entries
            .GroupBy(e => e.Source)
            .OrderByDescending(g => g.Count())
            .Take(top)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count(),7:N0} × {g.Key} {g.First().Message}"))];
    }
}
