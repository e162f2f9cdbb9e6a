using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using IAToolkit.ApiKeys;
using IAToolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.AspNet.Tests;

/// <summary>Who may call <c>/api/{c}/*</c>: a key of that company or a session of it; everyone else gets ProblemDetails.</summary>
public sealed class ApiAccessTests : DatabaseTest
{
    [Test]
    public async Task Prompts_KeyOfTheCompany_ReturnsItsPromptsInThePythonShape()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var client = host.Client();

        using var response = await Get(client, "/api/acme/prompts", await host.CreateKeyAsync("acme"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var category = body.RootElement.GetProperty("message")[0];
        Assert.That(category.GetProperty("category_name").GetString(), Is.EqualTo("Sales"));
        var prompt = category.GetProperty("prompts")[0];
        Assert.That(prompt.GetProperty("prompt").GetString(), Is.EqualTo("monthly_sales"));
        Assert.That(prompt.GetProperty("custom_fields")[0].GetProperty("data_key").GetString(), Is.EqualTo("month"));
    }

    [Test]
    public async Task Prompts_PythonPath_IsAnAlias()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var client = host.Client();

        using var response = await Get(client, "/acme/api/prompts", await host.CreateKeyAsync("acme"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Api_KeyOfAnotherCompany_Returns403Problem()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var client = host.Client();

        using var response = await Get(client, "/api/globex/prompts", await host.CreateKeyAsync("acme"));

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Test]
    public async Task Api_RevokedKey_Returns401Problem()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var client = host.Client();
        var key = await host.CreateKeyAsync("acme");
        await host.Services.GetRequiredService<ApiKeyStore>().RevokeAsync(host.Company("acme"), key[..12], CancellationToken.None);

        using var response = await Get(client, "/api/acme/prompts", key);

        var detail = await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.That(detail, Does.Contain("not valid or has been revoked"));
    }

    [TestCase(null)]
    [TestCase("iat_tooshort")]
    [TestCase("iat_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Api_NoOrUnknownKey_Returns401Problem(string? key)
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var client = host.Client();

        using var response = await Get(client, "/api/acme/prompts", key);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("Bearer"));
    }

    [Test]
    public async Task Api_UnknownCompany_Returns404Problem()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var client = host.Client();

        using var response = await Get(client, "/api/nope/prompts", await host.CreateKeyAsync("acme"));

        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Cors_PreflightFromTheCompanysOrigin_IsAllowedWithCredentials()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var client = host.Client();

        using var allowed = await Preflight(client, "/api/acme/prompts", "https://portal.acme.example");
        using var other = await Preflight(client, "/api/acme/prompts", "https://evil.example");
        using var otherCompany = await Preflight(client, "/api/globex/prompts", "https://portal.acme.example");

        Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("https://portal.acme.example"));
        Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Credentials").Single(), Is.EqualTo("true"));
        Assert.That(other.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
        Assert.That(otherCompany.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    private static async Task<HttpResponseMessage> Get(HttpClient client, string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> Preflight(HttpClient client, string path, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return await client.SendAsync(request);
    }

    internal static async Task<string?> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.That(response.StatusCode, Is.EqualTo(status));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(body.RootElement.GetProperty("code").GetString(), Is.EqualTo(code));
        return body.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
    }
}
