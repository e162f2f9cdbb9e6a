using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IAToolkit.Testing;

/// <summary>
/// The real sample host, run as its own process the way an operator runs it: <c>dotnet SampleCompany.dll …</c>
/// (the test project must reference the sample so that it sits in the test's output folder).
/// </summary>
public sealed class SampleHostProcess : IDisposable
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

    /// <summary>The base URL when the host was started with <see cref="StartServingAsync"/>.</summary>
    public Uri? BaseAddress { get; private set; }

    public string Output => Read(_output);

    public string Error => Read(_error);

    public bool HasExited => _process.HasExited;

    /// <summary>The host's process id (<c>dotnet</c> runs the app in its own process), for readings such as its CPU time.</summary>
    public int ProcessId => _process.Id;

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
        // Production requires a public base URL (and serves only its host); tests about it override or clear it.
        start.Environment["IAToolkit__PublicBaseUrl"] = "http://127.0.0.1";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        // Not the shell's value: the SQL source is set only by the tests that query it (as a read-only role).
        start.Environment["SAMPLE_DATABASE_URI"] = string.Empty;
        start.Environment["SAMPLE_DATABASE_ADMIN_URI"] = string.Empty;
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
        // Generous: `load` embeds with the local model, which takes most of a minute on a busy 2-core machine.
        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(180));
        return (exitCode, host.Output, host.Error);
    }

    /// <summary>Starts the host on a free loopback port and waits until <c>/health/ready</c> answers 200.</summary>
    public static Task<SampleHostProcess> StartServingAsync(string databaseUri, IDictionary<string, string?>? environment)
        => StartServingAsync(databaseUri, environment, null);

    /// <summary>
    /// Starts the host on a free loopback port in <paramref name="workingDirectory"/> (its content root, where a
    /// <c>companies/</c> folder there wins over the one beside the assembly) and waits until <c>/health/ready</c> answers 200.
    /// </summary>
    public static async Task<SampleHostProcess> StartServingAsync(string databaseUri, IDictionary<string, string?>? environment, string? workingDirectory)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        // The links point at the address it serves on, unless the test says otherwise.
        var settings = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>());
        settings.TryAdd("IAToolkit__PublicBaseUrl", url.ToString().TrimEnd('/'));
        var host = Start(databaseUri, settings, ["--urls", url.ToString().TrimEnd('/')], workingDirectory);
        host.BaseAddress = url;
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !host.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
                // A busy machine: the host took longer than the client's timeout to answer; ask again until the deadline.
            }

            await Task.Delay(200);
        }

        var output = host.Output + host.Error;
        host.Dispose();
        throw new InvalidOperationException("The sample host did not become ready:" + Environment.NewLine + output);
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
