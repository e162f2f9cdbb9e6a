using System.Text.Json;
using Dapper;
using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests;

/// <summary>
/// Which Host names the host answers (AllowedHosts, defaulting to the public base URL's host), which proxies it believes
/// (X-Forwarded-For/-Proto from loopback or the configured ones only), and that it refuses to start without a public base URL.
/// </summary>
[Category("Security")]
public sealed class HostAndProxyTests : DatabaseTest
{
    [Test]
    public async Task Production_HostNotThePublicOne_Returns400AndSendsNoMail()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, new Dictionary<string, string?> { ["IAToolkit:PublicBaseUrl"] = "http://127.0.0.1" }, overTcp: true);
        var server = host.Address!;
        var email = $"filtered-{Guid.NewGuid():N}@example.com";

        var own = await RawHttp.SendAsync(server, $"GET / HTTP/1.1\r\nHost: {server.Authority}");
        var evil = await RawHttp.SendAsync(server, "GET / HTTP/1.1\r\nHost: evil.example");
        var localhost = await RawHttp.SendAsync(server, "GET /acme/login HTTP/1.1\r\nHost: localhost");
        var reset = await RawHttp.PostFormAsync(server, "/acme/forgot-password", "/acme/forgot-password", "evil.example", new Dictionary<string, string> { ["email"] = email });

        Assert.That(own.Status, Is.EqualTo(200), own.Response);
        Assert.That(evil.Status, Is.EqualTo(400), evil.Response);
        Assert.That(localhost.Status, Is.EqualTo(400), "only the public host is served");
        Assert.That(reset.Status, Is.EqualTo(400), reset.Response);
        await Task.Delay(500);
        Assert.That(await Smtp4devMailbox.CountToAsync(email), Is.Zero);
    }

    [Test]
    public async Task AllowedHosts_Configured_IsTheList()
    {
        await using var host = await TwoCompanyHost.StartAsync(
            Database.Uri,
            new Dictionary<string, string?> { ["IAToolkit:PublicBaseUrl"] = "https://assistant.acme.example", ["AllowedHosts"] = "assistant.acme.example;internal.acme.example" },
            overTcp: true);
        var server = host.Address!;

        var loopback = await RawHttp.SendAsync(server, $"GET / HTTP/1.1\r\nHost: {server.Authority}");
        var listed = await RawHttp.SendAsync(server, "GET / HTTP/1.1\r\nHost: internal.acme.example");
        var evil = await RawHttp.SendAsync(server, "GET / HTTP/1.1\r\nHost: evil.example");

        Assert.That(loopback.Status, Is.EqualTo(400));
        Assert.That(listed.Status, Is.EqualTo(200));
        Assert.That(evil.Status, Is.EqualTo(400));
    }

    [Test]
    public async Task ForwardedHeaders_FromTheTrustedLoopbackProxy_HttpsAndClientAddressAreBelieved()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, null, overTcp: true);
        var cookie = await OpenExternalLinkAsync(host, ["X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.7"]);

        Assert.That(cookie, Does.StartWith("iat_session=").And.Contain("secure"), "behind a TLS proxy the session cookie is Secure");
        Assert.That(await LastSourceIpAsync(), Is.EqualTo("203.0.113.7"));
    }

    [Test]
    public async Task ForwardedHeaders_FromAnUntrustedAddress_AreIgnored()
    {
        // Only 10.9.9.9 is a proxy: the test's own requests from 127.0.0.1 are a stranger's.
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, new Dictionary<string, string?> { ["IAToolkit:ForwardedHeaders:KnownProxies"] = "10.9.9.9" }, overTcp: true);
        var cookie = await OpenExternalLinkAsync(host, ["X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.7", "X-Forwarded-Host: evil.example"]);

        Assert.That(cookie, Does.StartWith("iat_session=").And.Not.Contain("secure"), "the forged https was not believed");
        Assert.That(await LastSourceIpAsync(), Is.EqualTo("127.0.0.1"), "the forged client address was not believed");
    }

    [Test]
    public async Task ForwardedHeaders_ProxyInAConfiguredNetwork_IsBelieved()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, new Dictionary<string, string?> { ["IAToolkit:ForwardedHeaders:KnownNetworks"] = "10.0.0.0/8, 127.0.0.0/8" }, overTcp: true);
        var cookie = await OpenExternalLinkAsync(host, ["X-Forwarded-Proto: https", "X-Forwarded-For: 198.51.100.4"]);

        Assert.That(cookie, Does.Contain("secure"));
        Assert.That(await LastSourceIpAsync(), Is.EqualTo("198.51.100.4"));
    }

    [TestCase("", "IAToolkit:PublicBaseUrl is not set: set IAToolkit__PublicBaseUrl")]
    [TestCase("assistant.example.com", "is not an absolute http:// or https:// URL")]
    [TestCase("ftp://assistant.example.com", "is not an absolute http:// or https:// URL")]
    [TestCase("https://user:pw@assistant.example.com", "no user name, query or fragment")]
    [TestCase("https://assistant.example.com/?next=x", "no user name, query or fragment")]
    public async Task Serve_ProductionWithoutAValidPublicBaseUrl_ExitsOneNamingTheSetting(string value, string message)
    {
        var (migrateExit, migrateOutput, migrateError) = await SampleHostProcess.RunAsync(Database.Uri, null, "migrate");
        Assert.That(migrateExit, Is.Zero, migrateOutput + migrateError);

        var (exitCode, output, error) = await SampleHostProcess.RunAsync(Database.Uri, new Dictionary<string, string?> { ["IAToolkit__PublicBaseUrl"] = value });

        Assert.That(exitCode, Is.EqualTo(1), output + error);
        Assert.That(error, Does.Contain("IAToolkit:PublicBaseUrl").And.Contain(message));
        Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task Serve_KnownProxiesNotAnAddress_ExitsOneNamingTheSetting()
    {
        await SampleHostProcess.RunAsync(Database.Uri, null, "migrate");

        var (exitCode, output, error) = await SampleHostProcess.RunAsync(
            Database.Uri,
            new Dictionary<string, string?> { ["IAToolkit__PublicBaseUrl"] = "https://assistant.example.com", ["IAToolkit__ForwardedHeaders__KnownProxies"] = "proxy.internal", ["IAToolkit__ForwardedHeaders__KnownNetworks"] = "10.0.0.0/33" });

        Assert.That(exitCode, Is.EqualTo(1), output + error);
        Assert.That(error, Does.Contain("IAToolkit:ForwardedHeaders:KnownProxies: 'proxy.internal' is not an IP address"));
        Assert.That(error, Does.Contain("IAToolkit:ForwardedHeaders:KnownNetworks: '10.0.0.0/33' is not a network"));
    }

    [Test]
    public async Task Development_WithoutPublicBaseUrl_LinksUseKestrelsAddressNotTheRequestsHost()
    {
        await SampleHostProcess.RunAsync(Database.Uri, null, "migrate");
        var (_, keyOutput, keyError) = await SampleHostProcess.RunAsync(Database.Uri, null, "api-key", "sample_company");
        var key = System.Text.RegularExpressions.Regex.Match(keyOutput, "iat_[A-Za-z0-9]+").Value;
        Assert.That(key, Is.Not.Empty, keyError);
        using var host = await SampleHostProcess.StartServingAsync(
            Database.Uri,
            new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["IAToolkit__PublicBaseUrl"] = string.Empty });
        var body = "{\"user_identifier\":\"dev-1\"}";

        var (status, response) = await RawHttp.SendAsync(
            host.BaseAddress!,
            $"POST /external_login/sample_company HTTP/1.1\r\nHost: evil.example:8080\r\nAuthorization: Bearer {key}\r\nContent-Type: application/json\r\nX-Forwarded-Host: evil2.example",
            body);

        Assert.That(status, Is.EqualTo(200), response);
        var url = JsonDocument.Parse(RawHttp.BodyOf(response)).RootElement.GetProperty("url").GetString();
        Assert.That(url, Does.StartWith(host.BaseAddress!.ToString() + "sample_company/external-login/"), "Kestrel's own address, e.g. http://127.0.0.1:5080");
    }

    /// <summary>Issues an external-login link and opens it with <paramref name="headers"/>; returns the session cookie as set.</summary>
    private static async Task<string> OpenExternalLinkAsync(TwoCompanyHost host, string[] headers)
    {
        using var api = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/external_login/acme") { Content = new StringContent("{\"user_identifier\":\"emp-8\"}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await host.CreateKeyAsync("acme"));
        using var issued = await api.SendAsync(request);
        var url = new Uri(JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString()!);

        var (status, response) = await RawHttp.SendAsync(host.Address!, $"GET {url.PathAndQuery} HTTP/1.1\r\nHost: {host.Address!.Authority}\r\n" + string.Join("\r\n", headers));

        Assert.That(status, Is.EqualTo(302), response);
        return response.Split("\r\n").Select(l => l.Trim()).First(l => l.StartsWith("Set-Cookie: iat_session=", StringComparison.OrdinalIgnoreCase))["Set-Cookie: ".Length..];
    }

    private async Task<string?> LastSourceIpAsync()
    {
        await using var connection = await Database.OpenAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT source_ip FROM iat_login_audit WHERE outcome = 'success' AND reason IS NULL ORDER BY id DESC LIMIT 1");
    }
}
