using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace IAToolkit.Benchmarks.Overhead;

/// <summary>
/// The managed heap of a running .NET process, read as dotnet-counters reads it: an EventPipe session over the
/// process's diagnostics port with the <c>System.Runtime</c> counters, until <c>gc-heap-size</c> arrives. The host
/// needs nothing for it (the diagnostics port is on by default).
/// </summary>
internal static class ManagedHeap
{
    /// <summary>The GC heap size in bytes, or null when the counter did not arrive within <paramref name="timeout"/>.</summary>
    public static async Task<long?> ReadAsync(int pid, TimeSpan timeout)
    {
        var provider = new EventPipeProvider(
            "System.Runtime",
            EventLevel.Informational,
            0,
            new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" });
        using var session = await new DiagnosticsClient(pid).StartEventPipeSessionAsync([provider], requestRundown: false, token: CancellationToken.None);
        using var source = new EventPipeEventSource(session.EventStream);
        long? heap = null;
        source.Dynamic.All += e =>
        {
            if (heap is not null || e.EventName != "EventCounters"
                || e.PayloadValue(0) is not IDictionary<string, object> outer
                || !outer.TryGetValue("Payload", out var inner) || inner is not IDictionary<string, object> counter
                || !counter.TryGetValue("Name", out var name) || name as string != "gc-heap-size"
                || !counter.TryGetValue("Mean", out var mean))
            {
                return;
            }

            // The counter is in MB.
            heap = (long)(Convert.ToDouble(mean, System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024);
            source.StopProcessing();
        };
        var processing = Task.Run(source.Process);
        if (await Task.WhenAny(processing, Task.Delay(timeout)) != processing)
        {
            source.StopProcessing();
        }

        await session.StopAsync(CancellationToken.None);
        return heap;
    }
}
