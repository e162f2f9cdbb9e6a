using System.CommandLine;
using IAToolkit.Testing;
using Microsoft.Extensions.Hosting;

namespace IAToolkit.Cli.Tests.SampleData;

/// <summary>
/// Runs a verb of the real sample company in process: the real <see cref="global::SampleCompany.SampleCompany"/> class
/// and the real companies/sample_company folder, which the build copies beside the tests.
/// </summary>
internal static class SampleCompanyCli
{
    /// <summary>Runs <paramref name="args"/>; the core database is migrated on start, and <c>SAMPLE_DATABASE_URI</c> is unset when <paramref name="sampleDatabaseUri"/> is null.</summary>
    public static async Task<CliRun> RunAsync(string coreDatabaseUri, string? sampleDatabaseUri, params string[] args)
    {
        var settings = new Dictionary<string, string?> { ["IAToolkit:Database:MigrateOnStart"] = "true" };
        if (sampleDatabaseUri is not null)
        {
            settings["SAMPLE_DATABASE_URI"] = sampleDatabaseUri;
        }

        var builder = TestHost.CreateBuilder(AppContext.BaseDirectory, coreDatabaseUri, "Production", settings);
        builder.AddIAToolkitCore().RegisterCompany<global::SampleCompany.SampleCompany>("sample_company");
        var host = builder.Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await host.RunIAToolkitAsync(args, new InvocationConfiguration { Output = output, Error = error }, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
