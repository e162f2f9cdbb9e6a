using System.Diagnostics;
using System.Text;

namespace IAToolkit.Templates.Tests;

/// <summary>One command run to its end, its output kept, with how long it took.</summary>
internal sealed record ProcessRun(int ExitCode, string Output, string Error, TimeSpan Elapsed)
{
    public string Describe() => $"exit {ExitCode} after {Elapsed.TotalSeconds:F0} s{Environment.NewLine}{Output}{Environment.NewLine}{Error}";

    /// <summary>Runs <c>dotnet</c> with <paramref name="args"/>; <paramref name="environment"/> adds variables (null removes one).</summary>
    public static async Task<ProcessRun> DotNetAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, environment, args)) ?? throw new InvalidOperationException("dotnet did not start");
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not end within {timeout}:{Environment.NewLine}{Read(output)}{Read(error)}");
        }

        process.WaitForExit();
        var run = new ProcessRun(process.ExitCode, Read(output), Read(error), clock.Elapsed);
        TestContext.Progress.WriteLine($"[{clock.Elapsed.TotalSeconds,5:F1} s] dotnet {string.Join(' ', args)} → {run.ExitCode}");
        return run;
    }

    /// <summary>Starts <c>dotnet</c> and leaves it running; the caller reads its output and ends it.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, StringBuilder log, params string[] args)
    {
        var process = Process.Start(StartInfo(workingDirectory, environment, args)) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }

    private static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string?> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        return start;
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }
}
