using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace IAToolkit.Benchmarks.Overhead;

/// <summary>Runs wrk (Debian's <c>wrk</c> 4.1, which <c>scripts/install.sh</c> installs) with a script of <see cref="WrkScript"/>.</summary>
internal sealed class WrkRunner
{
    private readonly string _executable;
    private readonly string _folder;
    private int _scripts;

    private WrkRunner(string executable, string folder)
    {
        _executable = executable;
        _folder = folder;
    }

    /// <summary>The wrk on the PATH, or null with the reason.</summary>
    public static WrkRunner? Find(string folder, out string? problem)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "wrk"))
            .FirstOrDefault(File.Exists);
        problem = path is null
            ? "wrk is not installed: the overhead benchmark drives its load with wrk. Run ./dev services start (scripts/install.sh installs it), or apt-get install wrk."
            : null;
        return path is null ? null : new WrkRunner(path, folder);
    }

    /// <summary>wrk's threads for <paramref name="connections"/>: two at most, as the machine the targets are set for has two cores.</summary>
    public static int Threads(int connections) => Math.Min(connections, 2);

    /// <summary>Writes <paramref name="content"/> to a new file of the run's folder and returns its path.</summary>
    public string WriteFile(string name, byte[] content)
    {
        var path = Path.Combine(_folder, $"{Interlocked.Increment(ref _scripts):D3}-{name}");
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>
    /// Runs wrk for <paramref name="duration"/> with <paramref name="connections"/> connections on min(connections, 2)
    /// threads. <paramref name="started"/> is called right after wrk starts, so the caller can take its CPU readings.
    /// </summary>
    public async Task<WrkResult> RunAsync(Uri url, string script, int connections, TimeSpan duration, Action? started, CancellationToken cancellationToken)
    {
        var scriptFile = WriteFile("script.lua", System.Text.Encoding.UTF8.GetBytes(script));
        var start = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "-t", Threads(connections).ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{Math.Max(1, (int)Math.Round(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture)}s",
            "--timeout", "30s",
            "--latency",
            "-s", scriptFile,
            url.ToString(),
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        started?.Invoke();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }

        var text = await output;
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(WrkScript.ResultPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"wrk failed (exit {process.ExitCode}):{Environment.NewLine}{text}{await error}");
        }

        var json = JsonDocument.Parse(line[WrkScript.ResultPrefix.Length..]).RootElement;
        TimeSpan Micro(string name) => TimeSpan.FromMicroseconds(json.GetProperty(name).GetDouble());
        return new WrkResult(
            json.GetProperty("requests").GetInt64(),
            Micro("duration_us"),
            Micro("p50_us"),
            Micro("p90_us"),
            Micro("p99_us"),
            json.GetProperty("status_errors").GetInt64(),
            json.GetProperty("socket_errors").GetInt64(),
            json.GetProperty("cpu_ticks").GetInt64());
    }
}
