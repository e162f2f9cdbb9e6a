using System.Net;
using System.Net.Sockets;
using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests;

/// <summary>
/// What a platform or an operator notices when the host is deployed: it listens on PORT, and in Production it refuses
/// settings that only fit a developer's machine, naming the setting to fix.
/// </summary>
[Category("Security")]
public sealed class ProductionHooksTests : DatabaseTest
{
    [Test]
    public async Task Serve_PortSet_ListensOnItInsteadOfHttpPorts()
    {
        await MigrateAsync();
        var port = FreePort();
        using var host = SampleHostProcess.Start(
            Database.Uri,
            new Dictionary<string, string?>
            {
                ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                // What the .NET container images set; PORT, the platform's choice, wins over it.
                ["ASPNETCORE_HTTP_PORTS"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ASPNETCORE_URLS"] = string.Empty,
                ["IAToolkit__PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            },
            []);

        var status = await ReadyStatusAsync(host, new Uri($"http://127.0.0.1:{port}/health/ready"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), host.Output + host.Error);
        Assert.That(host.Output, Does.Contain($":{port}"));
    }

    [Test]
    public async Task Serve_PortNotANumber_ExitsOneNamingPort()
    {
        await MigrateAsync();

        var (exitCode, output, error) = await SampleHostProcess.RunAsync(Database.Uri, new Dictionary<string, string?> { ["PORT"] = "http" });

        Assert.That(exitCode, Is.EqualTo(1), output + error);
        Assert.That(error, Does.Contain("PORT ('http') is not a port number"));
        Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task Serve_ProductionWithThePlaceholderSecret_ExitsOneNamingTheVariable()
    {
        await MigrateAsync();

        var (exitCode, output, error) = await SampleHostProcess.RunAsync(
            Database.Uri, new Dictionary<string, string?> { ["IATOOLKIT_SECRET_KEY"] = "change-me-run-openssl-rand-hex-32" });

        Assert.That(exitCode, Is.EqualTo(1), output + error);
        Assert.That(error, Does.Contain("IATOOLKIT_SECRET_KEY still holds the placeholder of .env.example"));
    }

    [Test]
    public async Task Serve_ProductionWithAPlainHttpPublicAddress_ExitsOneNamingTheSetting()
    {
        await MigrateAsync();

        var (exitCode, output, error) = await SampleHostProcess.RunAsync(
            Database.Uri, new Dictionary<string, string?> { ["IAToolkit__PublicBaseUrl"] = "http://assistant.example.com" });

        Assert.That(exitCode, Is.EqualTo(1), output + error);
        Assert.That(error, Does.Contain("IAToolkit:PublicBaseUrl ('http://assistant.example.com') is http:// in Production")
            .And.Contain("IAToolkit__PublicBaseUrl=https://"));
    }

    [Test]
    public async Task Serve_StagingWithAPlainHttpPublicAddress_Starts()
    {
        await MigrateAsync();

        // Only Production is held to it: a staging host on a private network may serve plain HTTP.
        using var host = await SampleHostProcess.StartServingAsync(
            Database.Uri,
            new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Staging", ["IAToolkit__PublicBaseUrl"] = "http://assistant.internal.example", ["AllowedHosts"] = "*" });

        Assert.That(host.HasExited, Is.False);
    }

    private async Task MigrateAsync()
    {
        var (exitCode, output, error) = await SampleHostProcess.RunAsync(Database.Uri, null, "migrate");
        Assert.That(exitCode, Is.Zero, output + error);
    }

    private static async Task<HttpStatusCode?> ReadyStatusAsync(SampleHostProcess host, Uri ready)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !host.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(ready);
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
