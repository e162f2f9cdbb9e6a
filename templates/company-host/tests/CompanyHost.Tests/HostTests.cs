using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CompanyHost.Tests;

/// <summary>
/// The host as it runs: its company folder is valid, and it starts and answers ready against the services named in
/// the environment or in the .env file beside CompanyHost.csproj (DATABASE_URI, REDIS_URL, IATOOLKIT_SECRET_KEY).
/// </summary>
public sealed class HostTests
{
    [Test]
    public async Task CheckConfig_CompanyFolder_HasNoErrors()
    {
        // The real entry point, as an operator runs it: `dotnet CompanyHost.dll check-config --json`.
        var (exitCode, output, error) = await RunHostAsync("check-config", "--json");

        Assert.That(exitCode, Is.Zero, output + error);
        using var result = JsonDocument.Parse(output);
        var company = result.RootElement.GetProperty("companies").EnumerateArray().Single();
        Assert.That(company.GetProperty("short_name").GetString(), Is.EqualTo("company_host"));
        Assert.That(company.GetProperty("errors").GetArrayLength(), Is.Zero, output);
        Assert.That(company.GetProperty("valid").GetBoolean(), Is.True, output);
        foreach (var warning in company.GetProperty("warnings").EnumerateArray())
        {
            TestContext.Out.WriteLine("warning: " + warning.GetProperty("message").GetString());
        }
    }

    [Test]
    public async Task Start_WithItsServices_IsReadyAndServesTheCompany()
    {
        // Development: the host reads .env, applies the migrations at start and names a failing check.
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ready.Content.ReadAsStringAsync());

        using var home = await client.GetAsync(new Uri("/company_host/home", UriKind.Relative));
        Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunHostAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
