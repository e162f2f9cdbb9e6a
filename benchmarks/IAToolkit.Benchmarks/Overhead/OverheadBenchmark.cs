using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Diagnostics.NETCore.Client;

namespace IAToolkit.Benchmarks.Overhead;

/// <summary>
/// What the framework costs per question when the model costs nothing (issue 14): the real sample host as its own
/// process, a zero-latency OpenAI-compatible model in this process, and wrk driving <c>llm_query</c> at each connection
/// count; the same body sent to the model alone gives the baseline. One table, measured in one run.
/// </summary>
internal static class OverheadBenchmark
{
    private const string PlainQuestion = "How many orders did we ship last month?";
    private const string SqlQuestion = ZeroLatencyModelServer.SqlMarker + " How many orders are there in total?";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = OverheadOptions.Parse(args, out var problem);
        if (options is null)
        {
            await Console.Error.WriteLineAsync($"{problem}{Environment.NewLine}usage: {OverheadOptions.Usage}");
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("iat-overhead-");
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            // Unwind instead of dying: the host and wrk are stopped and the databases dropped on the way out.
            context.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            var wrk = WrkRunner.Find(folder.FullName, out problem);
            if (wrk is null)
            {
                await Console.Error.WriteLineAsync(problem);
                return 1;
            }

            Console.Error.WriteLine("starting: databases, sample data, API keys, the zero-latency model, the sample host (Release)…");
            await using var rig = await OverheadRig.StartAsync(stop.Token);
            await PrintSetUpAsync(rig, options, stop.Token);
            var exit = options.Questions is { } questions
                ? await LongRunAsync(rig, wrk, options, questions, stop.Token)
                : await TableAsync(rig, wrk, options, stop.Token);
            PrintHostLog(rig);
            return exit;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("interrupted: the host and wrk were stopped and the throwaway databases dropped.");
            return 130;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync($"overhead: {e.Message}");
            return 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<int> TableAsync(OverheadRig rig, WrkRunner wrk, OverheadOptions options, CancellationToken cancellationToken)
    {
        var history = $"question, users with {options.HistoryTurns:N0} turns";
        if (options.Scenarios.Contains("history"))
        {
            Console.Error.WriteLine($"seeding {options.HistoryUsers} users with {options.HistoryTurns:N0} turns each…");
            await HistorySeeder.SeedAsync(rig.Core.ConnectionString, OverheadRig.Company, options.HistoryUsers, options.HistoryTurns);
        }

        var scenarios = new[]
        {
            ("model", new OverheadScenario("model server alone", null, 0)),
            ("question", new OverheadScenario("question, new users", PlainQuestion, 0)),
            ("history", new OverheadScenario(history, PlainQuestion, options.HistoryUsers)),
            ("sql", new OverheadScenario("one SQL tool round, new users", SqlQuestion, 0)),
        }.Where(s => options.Scenarios.Contains(s.Item1)).Select(s => s.Item2).ToList();
        var measurer = new OverheadMeasurer(rig, wrk, options);

        // The host's code is compiled again, optimized, while it first serves: a longer unmeasured run first keeps
        // the JIT out of the first row.
        Console.Error.WriteLine("warming the host up (20 s of plain and SQL questions)…");
        await measurer.WarmUpAsync(new OverheadScenario("warm-up", PlainQuestion, 0), 4, TimeSpan.FromSeconds(10), cancellationToken);
        await measurer.WarmUpAsync(new OverheadScenario("warm-up", SqlQuestion, 0), 4, TimeSpan.FromSeconds(10), cancellationToken);
        var rows = new List<OverheadMeasurement>();
        foreach (var scenario in scenarios)
        {
            foreach (var connections in options.Connections)
            {
                Console.Error.WriteLine($"{scenario.Name}, {connections} connection(s): {options.Warmup.TotalSeconds:0} s warm-up, {options.Duration.TotalSeconds:0} s measured…");
                var measured = await measurer.MeasureAsync(scenario, connections, cancellationToken);
                rows.Add(measured);
                Console.Error.WriteLine(Invariant($"  {measured.Wrk.RequestsPerSecond:N0} req/s, p50 {OverheadMeasurement.Ms(measured.Wrk.P50)}, p99 {OverheadMeasurement.Ms(measured.Wrk.P99)}, {measured.Wrk.NonSuccess} non-2xx, {measured.Wrk.SocketErrors} socket errors, {measured.ToolErrors} tool errors"));
            }
        }

        Console.WriteLine();
        Console.WriteLine(OverheadMeasurement.Header);
        foreach (var row in rows)
        {
            var alone = row.Scenario.IsModelAlone ? null : rows.FirstOrDefault(r => r.Scenario.IsModelAlone && r.Connections == row.Connections);
            Console.WriteLine(row.Row(alone));
        }

        Console.WriteLine();
        Console.WriteLine("CPU: % of one core over the measured run, from /proc/<pid>/stat (host: the sample host; postgres: the server's background processes and the backends of this run's databases; model server: this benchmark process; in parentheses: idle during the model-alone runs).");
        Console.WriteLine("Errors: non-2xx responses and socket errors as wrk counts them; tool errors: SQL tool results that came back to the model as an error (the host still answers 200). PG conns: the host's connections to the core and sample databases right after the run.");
        Console.WriteLine("Redis: growth of INFO used_memory (the whole server) over the run, divided by the rows added to iat_turns; keys: those under the run's own key prefix afterwards.");
        Console.WriteLine($"after all runs: {await HostMemoryAsync(rig)}");
        var failed = rows.Count(r => r.HasErrors);
        if (failed > 0)
        {
            Console.WriteLine($"⚠ {failed} run(s) had non-2xx responses, socket errors or failed tool calls: their numbers are not valid measurements.");
        }

        return failed > 0 ? 1 : 0;
    }

    private static async Task<int> LongRunAsync(OverheadRig rig, WrkRunner wrk, OverheadOptions options, long questions, CancellationToken cancellationToken)
    {
        var connections = options.Connections.Max();
        var scenario = new OverheadScenario("question, new users", PlainQuestion, 0);
        var measurer = new OverheadMeasurer(rig, wrk, options);
        Console.WriteLine(Invariant($"{questions:N0} questions as new users at {connections} connections, in slices; host memory after each:"));
        Console.WriteLine();
        Console.WriteLine("| questions so far | req/s | p50 | p99 | non-2xx / socket errors | CPU host | CPU postgres | host RSS | host GC heap | Redis keys |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var asked = 0L;
        var errors = false;
        var rate = 500.0;
        while (asked < questions)
        {
            // Slices of up to 30 s, the last one sized to land near the total.
            var slice = TimeSpan.FromSeconds(Math.Clamp((questions - asked) / rate, 3, 30));
            var measured = await measurer.MeasureAsync(scenario, connections, cancellationToken, warmup: false, duration: slice);
            asked += measured.Wrk.Requests;
            rate = Math.Max(1, measured.Wrk.RequestsPerSecond);
            errors |= measured.HasErrors;
            var w = measured.Wrk;
            Console.WriteLine(Invariant($"| {asked:N0} | {w.RequestsPerSecond:N0} | {OverheadMeasurement.Ms(w.P50)} | {OverheadMeasurement.Ms(w.P99)} | {w.NonSuccess:N0} / {w.SocketErrors:N0} | {measured.HostCpu:N0} % | {measured.PostgresCpu:N0} % | {(measured.HostResidentBytes ?? 0) / 1024.0 / 1024:N0} MB | {await HeapAsync(rig)} | {measured.RedisKeys:N0} |"));
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"after {asked:N0} questions: {await HostMemoryAsync(rig)}{(errors ? "; ⚠ some slices had errors" : string.Empty)}"));
        return errors ? 1 : 0;
    }

    private static async Task<string> HostMemoryAsync(OverheadRig rig)
        => Invariant($"host RSS {(ProcStat.ResidentBytes(rig.Host.ProcessId) ?? 0) / 1024.0 / 1024:N0} MB, GC heap {await HeapAsync(rig)}");

    /// <summary>The host's managed heap as the System.Runtime counter gives it, or why not.</summary>
    private static async Task<string> HeapAsync(OverheadRig rig)
    {
        try
        {
            return await ManagedHeap.ReadAsync(rig.Host.ProcessId, TimeSpan.FromSeconds(10)) is { } heap ? Invariant($"{heap / 1024.0 / 1024:N0} MB") : "not read (no counter within 10 s)";
        }
        catch (Exception e) when (e is ServerNotAvailableException or TimeoutException or IOException or UnsupportedCommandException)
        {
            return $"not read ({e.GetType().Name})";
        }
    }

    private static void PrintHostLog(OverheadRig rig)
    {
        var summary = HostLogSummary.Lines(rig.Host.Output + rig.Host.Error);
        Console.WriteLine();
        Console.WriteLine(summary.Count == 0 ? "host log: no warning or error." : "host log, warnings and errors by source (the end of each wrk run drops the requests in flight):");
        foreach (var line in summary)
        {
            Console.WriteLine("    " + line);
        }
    }

    private static async Task PrintSetUpAsync(OverheadRig rig, OverheadOptions options, CancellationToken cancellationToken)
    {
        // One question of each kind before any load: the wiring works, and the model has seen the host's request.
        var plain = await rig.AskAsync(PlainQuestion, "overhead-check", cancellationToken);
        var sql = await rig.AskAsync(SqlQuestion, "overhead-check-sql", cancellationToken);
        var tools = sql.TryGetProperty("stats", out var stats) && stats.TryGetProperty("tool_calls", out var calls) ? calls.GetRawText() : "(none)";
        if (!plain.GetProperty("answer").GetString()!.Contains("zero-latency", StringComparison.Ordinal) || !tools.Contains("iat_sql_query", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The host did not answer as the benchmark model scripts it.{Environment.NewLine}plain: {plain}{Environment.NewLine}sql: {sql}");
        }

        var body = rig.Model.SampleBody ?? throw new InvalidOperationException("The model server saw no question without tools.");
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var commit = await GitCommitAsync();
        Console.WriteLine(Invariant($"machine: {Environment.ProcessorCount} cores ({cpu}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}; commit {commit}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        Console.WriteLine(Invariant($"load: wrk, {options.Duration.TotalSeconds:0} s per run after {options.Warmup.TotalSeconds:0} s of warm-up, min(connections, 2) threads; the model alone gets the host's own request body ({body.Length:N0} bytes)"));
        Console.WriteLine(Invariant($"one SQL tool round: the model calls iat_sql_query with \"{ModelReplies.ToolQuery}\" on the sample database, then answers; tool call as recorded: {Shorten(tools)}"));
    }

    private static async Task<string> GitCommitAsync()
    {
        try
        {
            var start = new ProcessStartInfo("git", "describe --always --dirty") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
            using var git = Process.Start(start)!;
            var output = await git.StandardOutput.ReadToEndAsync();
            await git.WaitForExitAsync();
            return git.ExitCode == 0 ? output.Trim() : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown (no git)";
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : new StringBuilder(text, 0, 300, 303).Append('…').ToString();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
