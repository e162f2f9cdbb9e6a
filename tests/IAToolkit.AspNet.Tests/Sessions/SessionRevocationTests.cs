using System.Net;
using System.Text.Json;
using IAToolkit.Companies;
using IAToolkit.Identity;
using IAToolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using static IAToolkit.AspNet.Tests.Sessions.SampleAccounts;

namespace IAToolkit.AspNet.Tests.Sessions;

/// <summary>Signing out and resetting a password end every session of the user: copies of the cookie stop working everywhere.</summary>
[Category("Security")]
public sealed class SessionRevocationTests : DatabaseTest
{
    [Test]
    public async Task Logout_OldCookieReplayed_PageAndApiRefuseIt()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        var jar = new CookieContainer();
        using var browser = factory.BrowserWith(jar);
        await SignUpAsync(browser, "ann@example.com");
        await LoginAsync(browser, "ann@example.com");
        var stolen = CookieJars.Copy(jar);
        using var thief = factory.BrowserWith(stolen);
        using var thiefApi = factory.ApiClientWith(CookieJars.Copy(jar));
        var pageBefore = await thief.GetAsync("/sample_company/chat");
        using var apiBefore = await thiefApi.GetAsync(new Uri("/api/sample_company/prompts", UriKind.Relative));

        var logout = await LogoutAsync(browser);
        var pageAfter = await thief.GetAsync("/sample_company/chat");
        using var apiAfter = await thiefApi.GetAsync(new Uri("/api/sample_company/prompts", UriKind.Relative));

        Assert.That(pageBefore.Status, Is.EqualTo(HttpStatusCode.OK), "the copied cookie worked before the sign-out");
        Assert.That(apiBefore.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(logout.Location, Is.EqualTo("/sample_company/home"));
        Assert.That(pageAfter.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(pageAfter.Location, Does.StartWith("/sample_company/login"));
        Assert.That(apiAfter.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var problem = JsonDocument.Parse(await apiAfter.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("code").GetString(), Is.EqualTo("unauthenticated"));
    }

    [Test]
    public async Task Logout_InOneBrowser_EndsTheSessionOfAnotherBrowser()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var laptop = factory.BrowserWith(new CookieContainer());
        using var phone = factory.BrowserWith(new CookieContainer());
        await SignUpAsync(laptop, "bea@example.com");
        await LoginAsync(laptop, "bea@example.com");
        await LoginAsync(phone, "bea@example.com");
        var phoneBefore = await phone.GetAsync("/sample_company/chat");

        await LogoutAsync(laptop);
        var phoneAfter = await phone.GetAsync("/sample_company/chat");
        var again = await LoginAsync(phone, "bea@example.com");
        var phoneRelogged = await phone.GetAsync("/sample_company/chat");

        Assert.That(phoneBefore.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(phoneAfter.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(again.Location, Is.EqualTo("/sample_company/chat"), "signing in again works");
        Assert.That(phoneRelogged.Status, Is.EqualTo(HttpStatusCode.OK), "a session begun after the sign-out is valid");
    }

    [Test]
    public async Task Logout_OtherUsersSessions_AreUntouched()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var first = factory.BrowserWith(new CookieContainer());
        using var second = factory.BrowserWith(new CookieContainer());
        await SignUpAsync(first, "cal@example.com");
        await SignUpAsync(second, "dan@example.com");
        await LoginAsync(first, "cal@example.com");
        await LoginAsync(second, "dan@example.com");

        await LogoutAsync(first);

        Assert.That((await second.GetAsync("/sample_company/chat")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Logout_Get_ShowsAFormAndKeepsTheSession()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        var jar = new CookieContainer();
        using var browser = factory.BrowserWith(jar);
        await SignUpAsync(browser, "eli@example.com");
        await LoginAsync(browser, "eli@example.com");

        var page = await browser.GetAsync("/sample_company/logout");
        var chat = await browser.GetAsync("/sample_company/chat");

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Html, Does.Contain("<form method=\"post\" action=\"/sample_company/logout\""));
        Assert.That(page.Html, Does.Contain("__RequestVerificationToken"));
        Assert.That(CookieJars.HasSession(jar), Is.True, "a GET does not clear the cookie");
        Assert.That(chat.Status, Is.EqualTo(HttpStatusCode.OK), "a GET (a link, an <img> on another site) does not sign out");
    }

    [Test]
    public async Task Logout_PostWithoutAntiforgeryToken_IsRefusedAndKeepsTheSession()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.BrowserWith(new CookieContainer());
        await SignUpAsync(browser, "fay@example.com");
        await LoginAsync(browser, "fay@example.com");

        var forged = await browser.PostAsync("/sample_company/logout", new Dictionary<string, string>());
        var chat = await browser.GetAsync("/sample_company/chat");

        Assert.That(forged.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(chat.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ChatPage_SignOut_IsAFormNotALink()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.BrowserWith(new CookieContainer());
        await SignUpAsync(browser, "gus@example.com");
        await LoginAsync(browser, "gus@example.com");

        var chat = await browser.GetAsync("/sample_company/chat");

        Assert.That(chat.Html, Does.Contain("<form method=\"post\" action=\"/sample_company/logout\""));
        Assert.That(chat.Html, Does.Not.Contain("href=\"/sample_company/logout\""));
    }

    [Test]
    public async Task PasswordReset_EndsEverySessionOfTheUser()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var laptop = factory.BrowserWith(new CookieContainer());
        using var phone = factory.BrowserWith(new CookieContainer());
        using var other = factory.BrowserWith(new CookieContainer());
        await SignUpAsync(laptop, "hal@example.com");
        await LoginAsync(laptop, "hal@example.com");
        await LoginAsync(phone, "hal@example.com");
        var token = await ResetTokenAsync(factory, "hal@example.com");

        var changed = await other.SubmitAsync($"/sample_company/change-password/{token}", $"/sample_company/change-password/{token}", new Dictionary<string, string>
        {
            ["password"] = "N3w!password", ["confirm_password"] = "N3w!password",
        });
        var laptopAfter = await laptop.GetAsync("/sample_company/chat");
        var phoneAfter = await phone.GetAsync("/sample_company/chat");
        var login = await LoginAsync(other, "hal@example.com", "N3w!password");

        Assert.That(changed.Text, Does.Contain("Your password was changed"));
        Assert.That(laptopAfter.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(phoneAfter.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(login.Location, Is.EqualTo("/sample_company/chat"));
        Assert.That((await other.GetAsync("/sample_company/chat")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task PasswordReset_RefusedPassword_KeepsTheSessions()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.BrowserWith(new CookieContainer());
        await SignUpAsync(browser, "ivy@example.com");
        await LoginAsync(browser, "ivy@example.com");
        var token = await ResetTokenAsync(factory, "ivy@example.com");

        var weak = await browser.SubmitAsync($"/sample_company/change-password/{token}", $"/sample_company/change-password/{token}", new Dictionary<string, string>
        {
            ["password"] = "weak", ["confirm_password"] = "weak",
        });

        Assert.That(weak.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await browser.GetAsync("/sample_company/chat")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Logout_OnOneHost_IsRefusedByTheOtherHostAtOnce()
    {
        var prefix = $"iat-test-{Guid.NewGuid():N}:";
        var shared = new Dictionary<string, string?> { ["IAToolkit:Redis:KeyPrefix"] = prefix };
        await using var hostA = new SampleHostFactory(Database.Uri, shared);
        await using var hostB = new SampleHostFactory(Database.Uri, shared);
        var jar = new CookieContainer();
        using var onA = hostA.BrowserWith(jar);
        await SignUpAsync(onA, "joe@example.com");
        await LoginAsync(onA, "joe@example.com");
        using var onB = hostB.BrowserWith(CookieJars.Copy(jar));
        var before = await onB.GetAsync("/sample_company/chat");

        await LogoutAsync(onA);
        var after = await onB.GetAsync("/sample_company/chat");

        Assert.That(before.Status, Is.EqualTo(HttpStatusCode.OK), "host B accepts host A's session");
        Assert.That(after.Status, Is.EqualTo(HttpStatusCode.Redirect), "and refuses it on the very next request after the sign-out on A");
    }

    [Test]
    public async Task Session_StampCacheLost_IsCheckedAgainstTheDatabase()
    {
        var prefix = $"iat-test-{Guid.NewGuid():N}:";
        await using var factory = new SampleHostFactory(Database.Uri, new Dictionary<string, string?> { ["IAToolkit:Redis:KeyPrefix"] = prefix });
        var jar = new CookieContainer();
        using var browser = factory.BrowserWith(jar);
        await SignUpAsync(browser, "kim@example.com");
        await LoginAsync(browser, "kim@example.com");
        var stolen = CookieJars.Copy(jar);
        await LogoutAsync(browser);
        var redis = await factory.Services.GetRequiredService<IAToolkit.Redis.RedisConnection>().GetAsync();
        foreach (var key in redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: prefix + "session-stamp:*"))
        {
            await redis.GetDatabase().KeyDeleteAsync(key);
        }

        using var thief = factory.BrowserWith(stolen);

        Assert.That((await thief.GetAsync("/sample_company/chat")).Status, Is.EqualTo(HttpStatusCode.Redirect), "the database holds the new stamp");
    }

    private static async Task<string> ResetTokenAsync(SampleHostFactory factory, string email)
    {
        var company = factory.Services.GetRequiredService<ICompanyCatalog>().GetRequired("sample_company");
        string? token = null;
        await factory.Services.GetRequiredService<AccountService>().RequestPasswordResetAsync(
            company, email, t => new Uri($"http://localhost/sample_company/change-password/{token = t}"), "en", CancellationToken.None);
        Assert.That(token, Is.Not.Null);
        return token!;
    }
}
