using System.CommandLine;
using IAToolkit.Testing;
using Microsoft.Extensions.Hosting;

namespace IAToolkit.Cli.Tests;

/// <summary>Runs a host's command line in process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(string contentRoot, string databaseUri, IDictionary<string, string?>? settings, params string[] args)
    {
        var builder = TestHost.CreateBuilder(contentRoot, databaseUri, "Production", settings);
        builder.AddIAToolkitCore().RegisterCompany<AcmeCompany>("acme");
        var host = builder.Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await host.RunIAToolkitAsync(args, new InvocationConfiguration { Output = output, Error = error }, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
