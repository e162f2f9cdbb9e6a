using System.Diagnostics;
using System.Text;
using IAToolkit.Testing;

namespace IAToolkit.Cli.Tests;

/// <summary>The real sample host, run as its own process the way an operator runs it: <c>dotnet SampleCompany.dll …</c>.</summary>
internal sealed class SampleHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private SampleHostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output => Read(_output);

    public string Error => Read(_error);

    public bool HasExited => _process.HasExited;

    public static SampleHostProcess Start(string databaseUri, IDictionary<string, string?>? environment, string[] args, string? workingDirectory = null)
    {
        var directory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(directory, "SampleCompany.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DATABASE_URI"] = databaseUri;
        start.Environment["REDIS_URL"] = TestServices.RedisUrl;
        start.Environment["IATOOLKIT_SECRET_KEY"] = TestServices.SecretKey;
        start.Environment["FERNET_KEY"] = TestServices.FernetKey;
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        return new SampleHostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string databaseUri, IDictionary<string, string?>? environment, params string[] args)
        => await RunAsync(databaseUri, environment, args, null);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string databaseUri, IDictionary<string, string?>? environment, string[] args, string? workingDirectory)
    {
        using var host = Start(databaseUri, environment, args, workingDirectory);
        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, host.Output, host.Error);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
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

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }
}
