using System.Net;
using Dapper;
using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests.Sessions;

/// <summary><c>parameters.signup</c>: sign-up turned off, or limited to e-mail domains, on the pages themselves.</summary>
[Category("Security")]
public sealed class SignUpControlsTests : DatabaseTest
{
    private const string Password = "Str0ng!pass";

    [Test]
    public async Task SignUp_Disabled_PageAndPostAnswer404AndLoginHidesTheLink()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, acmeParameters: "  signup: { enabled: false }\n");
        using var browser = host.Browser();
        var token = await TokenFromAsync(browser, "/acme/login");

        var page = await browser.GetAsync("/acme/signup");
        var post = await browser.PostAsync("/acme/signup", Form("new@acme.example", token));
        var login = await browser.GetAsync("/acme/login");
        var otherCompany = await browser.GetAsync("/globex/login");

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(page.Text, Does.Contain("Sign-up is closed").And.Contain("ACME Retail does not offer sign-up here"));
        Assert.That(post.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(login.Html, Does.Not.Contain("href=\"/acme/signup\""));
        Assert.That(otherCompany.Html, Does.Contain("href=\"/globex/signup\""), "only acme turned it off");
        await AssertNoUserAsync("new@acme.example");
    }

    [TestCase("user@evil.example")]
    [TestCase("user@acme.example.evil.example")]
    [TestCase("user@evilacme.example")]
    [TestCase("user@sales.acme.example")]
    [TestCase("acme.example@evil.example")]
    [TestCase("user@acme.example@evil.example")]
    [TestCase("\"user@acme.example\"@evil.example")]
    [TestCase("user%acme.example@evil.example")]
    [TestCase("user@acme.example\n@evil.example")]
    public async Task SignUp_AddressOutsideTheAllowedDomains_IsAFieldErrorAndStoresAndMailsNothing(string email)
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, acmeParameters: "  signup: { allowed_domains: [acme.example, \"*.partners.example\"] }\n");
        using var browser = host.Browser();

        var page = await browser.SubmitAsync("/acme/signup", "/acme/signup", Form(email));

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page.Text, Does.Contain("accepts sign-ups only with a company e-mail address").Or.Contain("Enter a valid e-mail address."));
        await using var connection = await Database.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM iat_users"), Is.Zero);
        Assert.That(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM iat_user_tokens"), Is.Zero);
        await Task.Delay(300);
        Assert.That(await Smtp4devMailbox.CountToAsync("evil.example"), Is.Zero);
    }

    [Test]
    public async Task SignUp_OtherDomain_NamesTheRuleOnTheEmailField()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, acmeParameters: "  signup: { allowed_domains: [acme.example] }\n");
        using var browser = host.Browser();

        var page = await browser.SubmitAsync("/acme/signup", "/acme/signup", Form("someone@gmail.example"));

        Assert.That(page.Html, Does.Match("id=\"email-error\"[^>]*>[^<]*ACME Retail accepts sign-ups only with a company e-mail address"));
    }

    [TestCase("ann.lee@acme.example", "ann.lee@acme.example")]
    [TestCase("Ann.Lee@ACME.EXAMPLE", "ann.lee@acme.example")]
    [TestCase("bo@eu.partners.example", "bo@eu.partners.example")]
    public async Task SignUp_AddressInAnAllowedDomain_IsAccepted(string email, string stored)
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, acmeParameters: "  signup: { allowed_domains: [acme.example, \"*.partners.example\"] }\n");
        using var browser = host.Browser();

        var page = await browser.SubmitAsync("/acme/signup", "/acme/signup", Form(email));

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK), page.Text);
        Assert.That(page.Text, Does.Contain($"We sent a verification link to {stored}"));
        await using var connection = await Database.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM iat_users WHERE email = @stored", new { stored }), Is.EqualTo(1));
        Assert.That((await Smtp4devMailbox.FindToAsync(stored)).HtmlBody, Does.Contain("/acme/verify/"));
    }

    [Test]
    public async Task SignUp_DomainRule_AppliesToExistingAccountsJoiningToo()
    {
        // An account made at globex (no rule) cannot join acme (rule) through the sign-up form from another domain.
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, acmeParameters: "  signup: { allowed_domains: [acme.example] }\n");
        using var browser = host.Browser();
        await using (var connection = await Database.OpenAsync())
        {
            await connection.ExecuteAsync("INSERT INTO iat_users (email, first_name, last_name, verified) VALUES ('old@other.example', 'Old', 'User', true)");
        }

        var page = await browser.SubmitAsync("/acme/signup", "/acme/signup", Form("old@other.example"));

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        await using var check = await Database.OpenAsync();
        Assert.That(await check.ExecuteScalarAsync<int>("SELECT count(*) FROM iat_user_companies"), Is.Zero);
    }

    private static Dictionary<string, string> Form(string email, string? token = null)
    {
        var form = new Dictionary<string, string>
        {
            ["email"] = email, ["first_name"] = "Ana", ["last_name"] = "Lee", ["password"] = Password, ["confirm_password"] = Password,
        };
        if (token is not null)
        {
            form["__RequestVerificationToken"] = token;
        }

        return form;
    }

    private static async Task<string> TokenFromAsync(BrowserSession browser, string page)
    {
        var html = (await browser.GetAsync(page)).Html;
        return WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value);
    }

    private async Task AssertNoUserAsync(string email)
    {
        await using var connection = await Database.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM iat_users WHERE email = @email", new { email }), Is.Zero);
    }
}
