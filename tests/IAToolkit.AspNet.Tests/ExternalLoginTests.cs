using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests;

/// <summary>A portal hands its signed-in user over: API call → link → chat with a session; the link works once.</summary>
public sealed class ExternalLoginTests : DatabaseTest
{
    [Test]
    public async Task ExternalLogin_LinkOpenedOnce_SignsTheUserIntoTheChat()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var api = host.Client();
        var url = await IssueAsync(api, "/external_login/acme", await host.CreateKeyAsync("acme"), "emp-42");
        using var browser = host.Browser();

        var opened = await browser.GetAsync(url.PathAndQuery);
        var chat = await browser.GetAsync(opened.Location!);
        var reused = await browser.GetAsync(url.PathAndQuery);

        Assert.That(opened.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(opened.Location, Is.EqualTo("/acme/chat"));
        Assert.That(chat.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(chat.Text, Does.Contain("Signed in as Portal User emp-42"));
        Assert.That(reused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reused.Text, Does.Contain("The link was already used"));
        await using var connection = await Database.OpenAsync();
        var outcomes = (await connection.QueryAsync<string>("SELECT outcome || ':' || coalesce(reason, '') FROM iat_login_audit WHERE auth_type = 'external' ORDER BY id")).ToList();
        Assert.That(outcomes, Is.EqualTo(new[] { "success:link_issued", "success:", "failure:alreadyused" }));
    }

    [Test]
    public async Task ExternalLogin_SignOut_EndsEverySessionOfThatPortalUserOnly()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var api = host.Client();
        var key = await host.CreateKeyAsync("acme");
        using var first = host.Browser();
        using var second = host.Browser();
        using var colleague = host.Browser();
        await first.GetAsync((await IssueAsync(api, "/external_login/acme", key, "emp-9")).PathAndQuery);
        await second.GetAsync((await IssueAsync(api, "/external_login/acme", key, "emp-9")).PathAndQuery);
        await colleague.GetAsync((await IssueAsync(api, "/external_login/acme", key, "emp-10")).PathAndQuery);
        var secondBefore = await second.GetAsync("/acme/chat");

        var logout = await first.SubmitAsync("/acme/chat", "/acme/logout", new Dictionary<string, string>());
        var secondAfter = await second.GetAsync("/acme/chat");
        var colleagueAfter = await colleague.GetAsync("/acme/chat");
        await second.GetAsync((await IssueAsync(api, "/external_login/acme", key, "emp-9")).PathAndQuery);
        var secondAgain = await second.GetAsync("/acme/chat");

        Assert.That(secondBefore.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(logout.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(secondAfter.Status, Is.EqualTo(HttpStatusCode.Redirect), "the portal user's other session ended too");
        Assert.That(colleagueAfter.Status, Is.EqualTo(HttpStatusCode.OK), "another portal user is untouched");
        Assert.That(secondAgain.Status, Is.EqualTo(HttpStatusCode.OK), "a new link signs in again");
    }

    [Test]
    public async Task ExternalLogin_PythonPath_IsAnAlias()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var api = host.Client();

        var url = await IssueAsync(api, "/acme/external_login", await host.CreateKeyAsync("acme"), "emp-7");

        Assert.That(url.AbsolutePath, Does.StartWith("/acme/external-login/"));
    }

    [Test]
    public async Task ExternalLogin_ExpiredLink_IsRefusedWithAClearPage()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, new Dictionary<string, string?> { ["IAToolkit:Security:ExternalLoginLifetime"] = "00:00:01" });
        using var api = host.Client();
        var url = await IssueAsync(api, "/external_login/acme", await host.CreateKeyAsync("acme"), "emp-1");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using var browser = host.Browser();

        var opened = await browser.GetAsync(url.PathAndQuery);

        Assert.That(opened.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(opened.Text, Does.Contain("The link has expired."));
        Assert.That(opened.Text, Does.Contain("Open the assistant again from your portal"));
    }

    [Test]
    public async Task ExternalLogin_LinkOfAcmeOpenedOnGlobex_IsRefused()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var api = host.Client();
        var url = await IssueAsync(api, "/external_login/acme", await host.CreateKeyAsync("acme"), "emp-2");
        using var browser = host.Browser();

        var opened = await browser.GetAsync(url.PathAndQuery.Replace("/acme/", "/globex/", StringComparison.Ordinal));

        Assert.That(opened.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await browser.GetAsync("/globex/chat")).Status, Is.EqualTo(HttpStatusCode.Redirect), "no session was created");
    }

    [Test]
    public async Task ExternalLogin_KeyOfAnotherCompany_Returns403()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var api = host.Client();

        using var response = await Post(api, "/external_login/globex", await host.CreateKeyAsync("acme"), """{"user_identifier":"emp-3"}""", "application/json");

        await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [TestCase("""{}""", "application/json", HttpStatusCode.BadRequest, "user_identifier is required")]
    [TestCase("""{"user_identifier":"  "}""", "application/json", HttpStatusCode.BadRequest, "user_identifier is required")]
    [TestCase("""{"user_identifier": "emp""", "application/json", HttpStatusCode.BadRequest, "JSON")]
    [TestCase("""user_identifier=emp""", "text/plain", HttpStatusCode.UnsupportedMediaType, "application/json")]
    public async Task ExternalLogin_BadInput_ReturnsAClearProblem(string body, string contentType, HttpStatusCode status, string message)
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var api = host.Client();

        using var response = await Post(api, "/external_login/acme", await host.CreateKeyAsync("acme"), body, contentType);

        var detail = await ApiAccessTests.AssertProblemAsync(response, status, "invalid_request");
        Assert.That(detail, Does.Contain(message));
    }

    [Test]
    public async Task ExternalLogin_HugeBody_Returns413()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var api = host.Client();

        using var response = await Post(api, "/external_login/acme", await host.CreateKeyAsync("acme"), $$"""{"user_identifier":"{{new string('x', 100_000)}}"}""", "application/json");

        await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "invalid_request");
    }

    private static async Task<Uri> IssueAsync(HttpClient api, string path, string key, string userIdentifier)
    {
        using var response = await Post(api, path, key, JsonSerializer.Serialize(new { user_identifier = userIdentifier }), "application/json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("expires_in").GetInt32(), Is.Positive);
        return new Uri(body.GetProperty("url").GetString()!);
    }

    private static async Task<HttpResponseMessage> Post(HttpClient api, string path, string key, string body, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await api.SendAsync(request);
    }
}
