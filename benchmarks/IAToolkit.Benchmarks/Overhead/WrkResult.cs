namespace IAToolkit.Benchmarks.Overhead;

/// <summary>What one wrk run measured, as its <c>done()</c> printed it.</summary>
/// <param name="Requests">Completed requests (any status).</param>
/// <param name="Duration">How long wrk sent requests.</param>
/// <param name="P50">Median latency.</param>
/// <param name="P90">90th percentile latency.</param>
/// <param name="P99">99th percentile latency.</param>
/// <param name="NonSuccess">Responses with a status of 400 or more (wrk counts only those as status errors).</param>
/// <param name="SocketErrors">Connect, read, write errors and timeouts.</param>
/// <param name="CpuTicks">wrk's own CPU time (user + system), in clock ticks.</param>
internal sealed record WrkResult(long Requests, TimeSpan Duration, TimeSpan P50, TimeSpan P90, TimeSpan P99, long NonSuccess, long SocketErrors, long CpuTicks)
{
    public double RequestsPerSecond => Requests / Duration.TotalSeconds;

    public bool HasErrors => NonSuccess > 0 || SocketErrors > 0;
}
