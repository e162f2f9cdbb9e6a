using System.Globalization;

namespace IAToolkit.Benchmarks.Overhead;

/// <summary>One measured wrk run and what the processes did meanwhile; CPU in % of one core over the run.</summary>
internal sealed record OverheadMeasurement(
    OverheadScenario Scenario,
    int Connections,
    WrkResult Wrk,
    double HostCpu,
    double PostgresCpu,
    double RedisCpu,
    double ModelCpu,
    double WrkCpu,
    long? HostResidentBytes,
    long RedisBytesDelta,
    long TurnsStored,
    long RedisKeys,
    long ToolErrors,
    long PostgresConnections,
    WrkResult? Warmup)
{
    /// <summary>Errors in the run or its warm-up, or no request completed at all: the numbers do not measure the scenario.</summary>
    public bool HasErrors => Wrk.HasErrors || ToolErrors > 0 || Wrk.Requests == 0 || Warmup?.HasErrors == true;

    public const string Header = """
        | scenario | conn. | req/s | p50 | p90 | p99 | model alone p50 | overhead p50 | non-2xx / socket / tool errors | CPU host | CPU postgres | CPU redis | CPU model server | CPU wrk | host RSS | PG conns | Redis bytes / stored turn (turns, keys) |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
        """;

    /// <summary>The row, with <paramref name="alone"/> the model-alone run at the same connections (null for that run itself).</summary>
    public string Row(OverheadMeasurement? alone)
    {
        var warmup = Warmup?.HasErrors == true ? Invariant($" (warm-up: {Warmup.NonSuccess:N0} / {Warmup.SocketErrors:N0})") : string.Empty;
        var none = Wrk.Requests == 0 ? " no request completed" : string.Empty;
        var errors = HasErrors ? Invariant($"**{Wrk.NonSuccess:N0} / {Wrk.SocketErrors:N0} / {ToolErrors:N0}{warmup}{none}**") : "0 / 0 / 0";
        var name = HasErrors ? Scenario.Name + " ⚠ errors" : Scenario.Name;
        var aloneP50 = alone is null ? "—" : Ms(alone.Wrk.P50);
        var overhead = alone is null ? "—" : Ms(Wrk.P50 - alone.Wrk.P50);
        var redis = Scenario.IsModelAlone
            ? "—"
            : TurnsStored > 0 ? Invariant($"{RedisBytesDelta / (double)TurnsStored:N0} ({TurnsStored:N0}, {RedisKeys:N0})") : Invariant($"no turn ({RedisKeys:N0} keys)");
        var rss = Scenario.IsModelAlone || HostResidentBytes is null ? "—" : Invariant($"{HostResidentBytes.Value / 1024.0 / 1024:N0} MB");
        return Invariant($"| {name} | {Connections} | {Wrk.RequestsPerSecond:N0} | {Ms(Wrk.P50)} | {Ms(Wrk.P90)} | {Ms(Wrk.P99)} | {aloneP50} | {overhead} | {errors} | {Cpu(HostCpu, Scenario)} | {Cpu(PostgresCpu, Scenario)} | {Cpu(RedisCpu, Scenario)} | {ModelCpu:N0} % | {WrkCpu:N0} % | {rss} | {(Scenario.IsModelAlone ? "—" : PostgresConnections.ToString("N0", CultureInfo.InvariantCulture))} | {redis} |");
    }

    public static string Ms(TimeSpan time)
    {
        var ms = time.TotalMilliseconds;
        return Math.Abs(ms) < 10 ? Invariant($"{ms:F2} ms") : Math.Abs(ms) < 100 ? Invariant($"{ms:F1} ms") : Invariant($"{ms:F0} ms");
    }

    private static string Cpu(double percent, OverheadScenario scenario) => scenario.IsModelAlone ? Invariant($"({percent:N0} %)") : Invariant($"{percent:N0} %");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
