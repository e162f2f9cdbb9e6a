using System.CommandLine;
using IAToolkit.Cli;
using IAToolkit.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;

// Extension methods live where host code already has a using for them.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.Hosting;
#pragma warning restore IDE0130

/// <summary>Runs an IAToolkit host: a CLI verb when the arguments name one, the server otherwise.</summary>
public static class IAToolkitHostExtensions
{
    /// <summary>
    /// Runs the verb named by <paramref name="args"/> (<c>migrate</c>, <c>check-config</c>, <c>--help</c>, or a
    /// company's own) against the host's configuration and services, or, with no verb, starts the host and serves
    /// until it is stopped.
    /// </summary>
    /// <returns>
    /// The process exit code: 0 on success, 1 when the verb or the start-up failed, 2 for a usage error, 3 when
    /// something the command names does not exist, 4 when a service it needs is unavailable (the README lists them).
    /// </returns>
    public static Task<int> RunIAToolkitAsync(this IHost host, string[] args)
        => RunIAToolkitAsync(host, args, null, CancellationToken.None);

    /// <summary>
    /// As <see cref="RunIAToolkitAsync(IHost, string[])"/>, writing verb output to the given writers: for a host's own
    /// tests, which run a verb (the company's or the framework's) in process and read what it printed.
    /// </summary>
    public static async Task<int> RunIAToolkitAsync(this IHost host, string[] args, InvocationConfiguration? console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(args);
        if (CommandDispatcher.IsCommand(args))
        {
            SendConsoleLogsToStandardError(host.Services);
            try
            {
                return await new CommandDispatcher(host.Services).InvokeAsync(args, console, cancellationToken);
            }
            finally
            {
                if (host is IAsyncDisposable disposable)
                {
                    await disposable.DisposeAsync();
                }
                else
                {
                    host.Dispose();
                }
            }
        }

        try
        {
            await IAToolkitStartupService.StartAsync(host.Services, cancellationToken);
            await host.RunAsync(cancellationToken);
            return 0;
        }
        catch (Exception ex) when (CliErrors.IsUserError(ex))
        {
            var error = console?.Error ?? Console.Error;
            await error.WriteLineAsync("error: " + CliErrors.Describe(ex));
            host.Dispose();
            return CliErrors.ExitCode(ex);
        }
    }

    /// <summary>
    /// A verb's stdout is its result (<c>IATOOLKIT_API_KEY='…'</c> to eval, JSON to parse), and the console logger writes
    /// to stdout by default: send every log line to stderr instead. The host's configuration is live
    /// (<see cref="ConfigurationManager"/>), so the console logger picks the new threshold up at once.
    /// </summary>
    private static void SendConsoleLogsToStandardError(IServiceProvider services)
    {
        if (services.GetService<IConfiguration>() is IConfigurationBuilder configuration)
        {
            configuration.Add(new MemoryConfigurationSource
            {
                InitialData = [new("Logging:Console:LogToStandardErrorThreshold", "Trace")],
            });
        }
    }
}
