using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests;

/// <summary>
/// Password-reset poisoning and its relatives: whatever a request says about its host (Host, X-Forwarded-Host,
/// Forwarded, an absolute request line, a port or user name in the Host), every link the host mails or returns starts
/// with the configured public base URL.
/// </summary>
[Category("Security")]
public sealed partial class PublicLinkTests : DatabaseTest
{
    private const string Password = "Str0ng!pass";
    private const string PublicBase = "https://assistant.acme.example/portal/";

    // AllowedHosts "*" lets a forged Host reach the endpoints: the links must not depend on the host filter.
    private static readonly Dictionary<string, string?> s_openHost = new()
    {
        ["IAToolkit:PublicBaseUrl"] = PublicBase.TrimEnd('/'),
        ["AllowedHosts"] = "*",
    };

    /// <summary>Each way a request can claim another host: (what it is, request target, Host header, extra headers).</summary>
    private static IEnumerable<(string Name, Func<Uri, string> Target, Func<Uri, string?> Host, string[] Headers)> Forgeries()
    {
        yield return ("Host header", _ => "/acme/forgot-password", _ => "evil.example", []);
        yield return ("Host with a port", _ => "/acme/forgot-password", _ => "evil.example:8443", []);
        yield return ("X-Forwarded-Host from the trusted loopback proxy", _ => "/acme/forgot-password", s => s.Authority, ["X-Forwarded-Host: evil.example", "X-Forwarded-Proto: http"]);
        yield return ("Forwarded (RFC 7239)", _ => "/acme/forgot-password", s => s.Authority, ["Forwarded: host=evil.example;proto=http"]);
        yield return ("X-Forwarded-Prefix and -Port", _ => "/acme/forgot-password", s => s.Authority, ["X-Forwarded-Prefix: /evil", "X-Forwarded-Port: 8443", "X-Original-Host: evil.example"]);
    }

    [Test]
    public async Task ForgotPassword_ForgedHostInEveryForm_MailedLinkStartsWithThePublicBaseUrl()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, s_openHost, overTcp: true);
        var server = host.Address!;
        foreach (var (name, target, hostHeader, headers) in Forgeries())
        {
            var email = await VerifiedUserAsync(host, "reset");

            var (status, response) = await RawHttp.PostFormAsync(server, "/acme/forgot-password", target(server), hostHeader(server), new Dictionary<string, string> { ["email"] = email }, headers);

            Assert.That(status, Is.EqualTo(200), $"{name}:\n{response}");
            var link = LinkIn(await Smtp4devMailbox.FindAsync("ACME Retail: reset your password", email), "/acme/change-password/");
            Assert.That(link, Does.StartWith(PublicBase + "acme/change-password/"), name);
        }
    }

    [Test]
    public async Task ForgotPassword_AbsoluteRequestLineOrUserInfoInHost_IsRefusedAndNothingIsMailed()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, s_openHost, overTcp: true);
        var server = host.Address!;
        var attempts = new (string Name, string Target, string Host)[]
        {
            ("absolute-form request line", "http://evil.example/acme/forgot-password", server.Authority),
            ("absolute-form naming the server, Host forged", $"http://{server.Authority}/acme/forgot-password", "evil.example"),
            ("user name in the Host", "/acme/forgot-password", $"victim@evil.example"),
        };
        foreach (var (name, target, hostHeader) in attempts)
        {
            var email = await VerifiedUserAsync(host, "absolute");

            var (status, response) = await RawHttp.PostFormAsync(server, "/acme/forgot-password", target, hostHeader, new Dictionary<string, string> { ["email"] = email });

            // Kestrel refuses an absolute-form target whose authority differs from the Host, and a Host with a user name;
            // were either ever let through, the link would still be built from the public base URL alone.
            Assert.That(status, Is.EqualTo(400), $"{name}\n{response}");
            await Task.Delay(500);
            Assert.That(await Smtp4devMailbox.CountToAsync(email), Is.EqualTo(1), $"{name}: only the verification mail, no reset mail");
        }
    }

    [Test]
    public async Task SignUp_ForgedHost_VerificationLinkStartsWithThePublicBaseUrl()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, s_openHost, overTcp: true);
        var server = host.Address!;
        foreach (var (name, _, hostHeader, headers) in Forgeries())
        {
            var email = Unique("signup");

            var (status, response) = await RawHttp.PostFormAsync(server, "/acme/signup", "/acme/signup", hostHeader(server), SignUpFields(email), headers);

            Assert.That(status, Is.EqualTo(200), $"{name}:\n{response}");
            var link = LinkIn(await Smtp4devMailbox.FindToAsync(email), "/acme/verify/");
            Assert.That(link, Does.StartWith(PublicBase + "acme/verify/"), name);
        }
    }

    [Test]
    public async Task ExternalLogin_ForgedHost_UrlStartsWithThePublicBaseUrl()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, s_openHost, overTcp: true);
        var key = await host.CreateKeyAsync("acme");
        var forgeries = new[]
        {
            new[] { "Host: evil.example" },
            ["Host: evil.example:8443"],
            ["X-Forwarded-Host: evil.example", "X-Forwarded-Proto: http"],
            ["Forwarded: host=evil.example;proto=http"],
        };
        foreach (var headers in forgeries)
        {
            var hostHeader = headers[0].StartsWith("Host:", StringComparison.Ordinal) ? headers[0][6..] : host.Address!.Authority;
            var body = JsonSerializer.Serialize(new { user_identifier = "emp-9" });
            var head = $"POST /external_login/acme HTTP/1.1\r\nHost: {hostHeader}\r\nAuthorization: Bearer {key}\r\nContent-Type: application/json\r\n"
                + string.Join("\r\n", headers.Where(h => !h.StartsWith("Host:", StringComparison.Ordinal)));

            var (status, response) = await RawHttp.SendAsync(host.Address!, head, body);

            Assert.That(status, Is.EqualTo(200), response);
            var url = JsonDocument.Parse(RawHttp.BodyOf(response)).RootElement.GetProperty("url").GetString();
            Assert.That(url, Does.StartWith(PublicBase + "acme/external-login/"), string.Join(", ", headers));
        }
    }

    [Test]
    public async Task ExternalLogin_LinkWithAPathBase_OpensThePageBehindIt()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, s_openHost);
        using var api = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/external_login/acme") { Content = JsonContent.Create(new { user_identifier = "emp-3" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await host.CreateKeyAsync("acme"));

        using var response = await api.SendAsync(request);
        var url = new Uri((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!);
        using var browser = host.Browser();
        var opened = await browser.GetAsync(url.AbsolutePath["/portal".Length..]);

        Assert.That(url.GetLeftPart(UriPartial.Authority), Is.EqualTo("https://assistant.acme.example"));
        Assert.That(url.AbsolutePath, Does.StartWith("/portal/acme/external-login/"), "the base's path is kept");
        Assert.That(opened.Location, Is.EqualTo("/acme/chat"), "behind a proxy that strips /portal the link signs the user in");
    }

    [Test]
    public async Task OpenApi_ServersIsThePublicBaseUrl()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, new Dictionary<string, string?>(s_openHost) { ["IAToolkit:Endpoints:OpenApi"] = "true" }, overTcp: true);

        var (status, response) = await RawHttp.SendAsync(host.Address!, "GET /openapi/v1.json HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil2.example");

        Assert.That(status, Is.EqualTo(200), response);
        var body = JsonDocument.Parse(RawHttp.BodyOf(response)).RootElement;
        var servers = body.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()).ToList();
        Assert.That(servers, Is.EqualTo(new[] { "https://assistant.acme.example/portal" }));
    }

    [Test]
    public void Sources_NeverReadTheRequestsHostOrScheme()
    {
        // A guard for the next link someone writes: the only base of an absolute link is PublicUrls.
        var src = Path.GetFullPath(Path.Combine(SampleProject.Folder, "..", "..", "src"));
        var offenders = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => RequestHostUse().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(src, f))
            .ToList();

        Assert.That(offenders, Is.Empty);
    }

    private static async Task<string> VerifiedUserAsync(TwoCompanyHost host, string tag)
    {
        var email = Unique(tag);
        using var browser = host.Browser();
        await browser.SubmitAsync("/acme/signup", "/acme/signup", SignUpFields(email));
        var link = new Uri(LinkIn(await Smtp4devMailbox.FindToAsync(email), "/acme/verify/"));
        var verified = await browser.GetAsync(link.AbsolutePath["/portal".Length..]);
        Assert.That(verified.Text, Does.Contain("Your e-mail address is verified"));
        return email;
    }

    private static Dictionary<string, string> SignUpFields(string email) => new()
    {
        ["email"] = email, ["first_name"] = "Ana", ["last_name"] = "Pérez", ["password"] = Password, ["confirm_password"] = Password,
    };

    private static string Unique(string tag) => $"{tag}-{Guid.NewGuid():N}@example.com";

    private static string LinkIn(MimeKit.MimeMessage mail, string path)
    {
        var links = LinkPattern().Matches((mail.HtmlBody ?? string.Empty) + " " + (mail.TextBody ?? string.Empty)).Select(m => m.Value).Where(l => l.Contains(path, StringComparison.Ordinal)).Distinct().ToList();
        Assert.That(links, Has.Count.EqualTo(1), $"one {path} link in the mail:\n{mail.HtmlBody}");
        return links[0];
    }

    [GeneratedRegex(@"Request\.(Host|Scheme|IsHttps)\b|GetDisplayUrl|GetEncodedUrl")]
    private static partial Regex RequestHostUse();

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex LinkPattern();
}
