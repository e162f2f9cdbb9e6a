using System.Diagnostics;

namespace IAToolkit.Benchmarks.Overhead;

/// <summary>Runs one scenario at one connection count: a warm-up, then the measured wrk run with the readings around it.</summary>
internal sealed class OverheadMeasurer(OverheadRig rig, WrkRunner wrk, OverheadOptions options)
{
    private int _runs;

    public async Task<OverheadMeasurement> MeasureAsync(OverheadScenario scenario, int connections, CancellationToken cancellationToken, bool warmup = true, TimeSpan? duration = null)
    {
        var url = scenario.IsModelAlone ? rig.Model.ChatCompletionsUrl : rig.QueryUrl;
        string Script(int sweepThreads) => scenario.IsModelAlone
            ? WrkScript.Fixed(wrk.WriteFile("model-body.json", rig.Model.SampleBody!))
            : WrkScript.Questions(rig.QueryUrl.AbsolutePath, scenario.Question!, rig.Keys, $"bench-new-{Environment.ProcessId}-{Interlocked.Increment(ref _runs)}", scenario.HistoryUsers, sweepThreads);

        var warmedUp = warmup ? await wrk.RunAsync(url, Script(WrkRunner.Threads(connections)), connections, options.Warmup, null, cancellationToken) : null;

        var script = Script(0);
        var turnsBefore = scenario.IsModelAlone ? 0 : await HistorySeeder.CountTurnsAsync(rig.Core.ConnectionString);
        var redisBefore = await rig.Redis.UsedMemoryAsync();
        var toolErrorsBefore = rig.Model.ToolErrors;
        CpuReading[] before = [];
        var clock = new Stopwatch();
        var result = await wrk.RunAsync(url, script, connections, duration ?? options.Duration, () =>
        {
            clock.Start();
            before = Readings();
        }, cancellationToken);
        var after = Readings();
        var wall = clock.Elapsed;
        var rss = ProcStat.ResidentBytes(rig.Host.ProcessId);
        var redisAfter = await rig.Redis.UsedMemoryAsync();
        var turnsAfter = scenario.IsModelAlone ? 0 : await HistorySeeder.CountTurnsAsync(rig.Core.ConnectionString);
        var keys = await rig.Redis.CountKeysAsync();
        var postgresConnections = await rig.PostgresConnectionsAsync();
        return new OverheadMeasurement(
            scenario,
            connections,
            result,
            after[0].PercentSince(before[0], wall),
            after[1].PercentSince(before[1], wall),
            after[2].PercentSince(before[2], wall),
            after[3].PercentSince(before[3], wall),
            result.CpuTicks / ProcStat.TicksPerSecond / result.Duration.TotalSeconds * 100,
            rss,
            redisAfter - redisBefore,
            turnsAfter - turnsBefore,
            keys,
            rig.Model.ToolErrors - toolErrorsBefore,
            postgresConnections,
            warmedUp);
    }

    /// <summary>An unmeasured run of <paramref name="scenario"/>, to bring the host's code to its optimized form.</summary>
    public Task WarmUpAsync(OverheadScenario scenario, int connections, TimeSpan duration, CancellationToken cancellationToken)
        => wrk.RunAsync(
            rig.QueryUrl,
            WrkScript.Questions(rig.QueryUrl.AbsolutePath, scenario.Question!, rig.Keys, $"bench-warm-{Environment.ProcessId}-{Interlocked.Increment(ref _runs)}", 0, 0),
            connections,
            duration,
            null,
            cancellationToken);

    private CpuReading[] Readings() => [rig.Processes.HostCpu(), rig.Processes.PostgresCpu(), rig.Processes.RedisCpu(), MeasuredProcesses.SelfCpu()];
}
