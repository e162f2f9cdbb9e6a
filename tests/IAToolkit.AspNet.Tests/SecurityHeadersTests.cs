using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests;

/// <summary>What every response tells the browser: CSP without inline code, nosniff, no referrer, no framing, no caching, Bearer on 401.</summary>
[Category("Security")]
public sealed partial class SecurityHeadersTests : DatabaseTest
{
    private static readonly string[] s_pages = ["/", "/acme/login", "/acme/signup", "/acme/forgot-password", "/acme/change-password/not-a-token", "/acme/verify/nope", "/no/such/page"];

    [Test]
    public async Task Pages_CarryTheSecurityHeadersAndNoInlineCode()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var client = host.Client();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        foreach (var path in s_pages)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();

            AssertSecurityHeaders(response, path);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"), path);
            Assert.That(InlineCode().Matches(html).Select(m => m.Value), Is.Empty, $"{path} has inline script, style or handlers:\n{html}");
        }
    }

    [Test]
    public async Task BrandingStylesheet_IsServedForThePagesLinkToIt()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var client = host.Client();
        var page = await client.GetStringAsync(new Uri("/acme/login", UriKind.Relative));
        var href = WebUtility.HtmlDecode(BrandingLink().Match(page).Groups[1].Value);

        using var css = await client.GetAsync(new Uri(href, UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri("/_iatoolkit/nobody/branding.css", UriKind.Relative));

        Assert.That(href, Does.StartWith("/_iatoolkit/acme/branding.css?v="));
        Assert.That(css.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(css.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));
        Assert.That(await css.Content.ReadAsStringAsync(), Does.StartWith(":root{--brand-header-bg:"));
        Assert.That(css.Headers.CacheControl?.Public, Is.True, "a stylesheet may be cached; its URL changes with the colors");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ApiJson_IsNotStoredAndCarriesTheHeaders()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.CreateKeyAsync("acme"));

        foreach (var path in new[] { "/api/acme/prompts", "/api/acme/help", "/api/acme/history?user_identifier=u1", "/health/ready", "/version" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
            AssertSecurityHeaders(response, path);
        }
    }

    [Test]
    public async Task Api401_WithoutOrWithABadKey_CarriesWwwAuthenticateBearer()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var client = host.Client();
        using var none = await client.GetAsync(new Uri("/api/acme/prompts", UriKind.Relative));
        using var badRequest = new HttpRequestMessage(HttpMethod.Get, "/api/acme/prompts");
        badRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "iat_not_a_key");
        using var bad = await client.SendAsync(badRequest);
        using var externalRequest = new HttpRequestMessage(HttpMethod.Post, "/external_login/acme") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        using var external = await client.SendAsync(externalRequest);

        Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(none.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(bad.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer error=\"invalid_token\""));
        Assert.That(external.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(external.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
        AssertSecurityHeaders(none, "401");
    }

    [Test]
    public async Task ChatPage_SignedIn_HasNoInlineCode()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var api = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/external_login/acme") { Content = new StringContent("{\"user_identifier\":\"emp-5\"}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await host.CreateKeyAsync("acme"));
        using var issued = await api.SendAsync(request);
        var url = new Uri(System.Text.Json.JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString()!);
        using var browser = host.Browser();
        await browser.GetAsync(url.PathAndQuery);

        var chat = await browser.GetAsync("/acme/chat");

        Assert.That(chat.Text, Does.Contain("Signed in as Portal User emp-5"));
        Assert.That(InlineCode().IsMatch(chat.Html), Is.False);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.That(csp, Does.Contain("default-src 'none'").And.Contain("script-src 'self'").And.Contain("style-src 'self'").And.Contain("frame-ancestors 'none'"), what);
        Assert.That(csp, Does.Not.Contain("unsafe-inline").And.Not.Contain("unsafe-eval"), what);
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }), what);
        Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }), what);
        Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }), what);
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, what);
    }

    // <script> without src, <style>, style="…" and on…="…" attributes: what a CSP without 'unsafe-inline' blocks. A JSON
    // data block (the chat's texts) is not run, so the CSP has nothing to block there.
    [GeneratedRegex(@"<script(?![^>]*\b(?:src=|type=""application/json""))[^>]*>|<style\b|\sstyle\s*=|\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineCode();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(/_iatoolkit/[^\"]*branding\\.css[^\"]*)\"")]
    private static partial Regex BrandingLink();
}
