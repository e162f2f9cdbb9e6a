using System.Net;
using Dapper;
using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests;

/// <summary>Verification and password reset through the real SMTP sink: the mails are read back and their links followed.</summary>
public sealed class EmailFlowTests : DatabaseTest
{
    private const string Password = "Str0ng!pass";

    [Test]
    public async Task SignUp_CompanyVerifiesEmail_LinkFromTheMailActivatesTheAccountOnce()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var browser = host.Browser();
        var email = MailLinks.UniqueAddress("verify");

        var signUp = await SignUpAsync(browser, "acme", email);
        var tooEarly = await LoginAsync(browser, "acme", email, Password);
        var link = MailLinks.PathIn((await Smtp4devMailbox.FindToAsync(email)).HtmlBody, "/acme/verify/");
        var verified = await browser.GetAsync(link);
        var reused = await browser.GetAsync(link);
        var login = await LoginAsync(browser, "acme", email, Password);

        Assert.That(signUp.Text, Does.Contain($"We sent a verification link to {email}"));
        Assert.That(tooEarly.Text, Does.Contain("Verify your e-mail address first"));
        Assert.That(verified.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(verified.Text, Does.Contain("Your e-mail address is verified"));
        Assert.That(reused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reused.Text, Does.Contain("The link was already used"));
        Assert.That(login.Location, Is.EqualTo("/acme/chat"));
    }

    [Test]
    public async Task Verify_ExpiredLink_IsRefusedAndTheAccountStaysUnverified()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var browser = host.Browser();
        var email = MailLinks.UniqueAddress("expired");
        await SignUpAsync(browser, "acme", email);
        var link = MailLinks.PathIn((await Smtp4devMailbox.FindToAsync(email)).HtmlBody, "/acme/verify/");
        await using var connection = await Database.OpenAsync();
        await connection.ExecuteAsync("UPDATE iat_user_tokens SET expires_at = now() - interval '1 minute'");

        var page = await browser.GetAsync(link);

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page.Text, Does.Contain("The link has expired."));
        Assert.That(await connection.ExecuteScalarAsync<bool>("SELECT verified FROM iat_users WHERE email = @email", new { email }), Is.False);
    }

    [Test]
    public async Task ForgotPassword_LinkFromTheMailSetsANewPasswordOnce()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var browser = host.Browser();
        var email = await VerifiedUserAsync(browser, "reset");

        var requested = await browser.SubmitAsync("/acme/forgot-password", "/acme/forgot-password", new Dictionary<string, string> { ["email"] = email });
        var mail = await Smtp4devMailbox.FindAsync("ACME Retail: reset your password", email);
        var link = MailLinks.PathIn(mail.HtmlBody, "/acme/change-password/");
        var weak = await browser.SubmitAsync(link, link, new Dictionary<string, string> { ["password"] = "weak", ["confirm_password"] = "weak" });
        var changed = await browser.SubmitAsync(link, link, new Dictionary<string, string> { ["password"] = "N3w!password", ["confirm_password"] = "N3w!password" });
        var reused = await browser.GetAsync(link);

        Assert.That(requested.Text, Does.Contain("If an account exists for that address"));
        Assert.That(mail.To.Mailboxes.Single().Address, Is.EqualTo(email));
        Assert.That(weak.Status, Is.EqualTo(HttpStatusCode.BadRequest), "a refused password does not spend the link");
        Assert.That(changed.Text, Does.Contain("Your password was changed"));
        Assert.That(reused.Text, Does.Contain("The link was already used"));
        Assert.That((await LoginAsync(browser, "acme", email, Password)).Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await LoginAsync(browser, "acme", email, "N3w!password")).Location, Is.EqualTo("/acme/chat"));
    }

    [Test]
    public async Task ForgotPassword_UnknownAddress_SameAnswerAndNoMail()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var browser = host.Browser();
        var email = MailLinks.UniqueAddress("nobody");

        var page = await browser.SubmitAsync("/acme/forgot-password", "/acme/forgot-password", new Dictionary<string, string> { ["email"] = email });

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Text, Does.Contain("If an account exists for that address"));
        await Task.Delay(500);
        Assert.That(await Smtp4devMailbox.CountToAsync(email), Is.Zero);
    }

    [Test]
    public async Task SignUp_MailCannotBeSent_AnswersAtOnceInTheCompanysLanguageAndKeepsThePendingAccount()
    {
        // globex's mail server is not there. The page still gives the usual answer, at once: a failure page would tell
        // an attacker that the address is new. The mail is retried in the background; the account waits unverified,
        // and signing up again sends a new link.
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var browser = host.Browser();
        var email = MailLinks.UniqueAddress("nomail");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var page = await SignUpAsync(browser, "globex", email);

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(4)));
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Text, Does.Contain($"Enviamos un enlace de verificación a {email}"), "globex's pages are in Spanish");
        await using var connection = await Database.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<bool>("SELECT verified FROM iat_users WHERE email = @email", new { email }), Is.False);
        Assert.That((await LoginAsync(browser, "globex", email, Password)).Status, Is.EqualTo(HttpStatusCode.BadRequest), "not usable before it is verified");
    }

    private static async Task<string> VerifiedUserAsync(BrowserSession browser, string tag)
    {
        var email = MailLinks.UniqueAddress(tag);
        await SignUpAsync(browser, "acme", email);
        await browser.GetAsync(MailLinks.PathIn((await Smtp4devMailbox.FindToAsync(email)).HtmlBody, "/acme/verify/"));
        return email;
    }



    private static Task<PageResponse> SignUpAsync(BrowserSession browser, string company, string email)
        => browser.SubmitAsync($"/{company}/signup", $"/{company}/signup", new Dictionary<string, string>
        {
            ["email"] = email, ["first_name"] = "Ana", ["last_name"] = "Pérez", ["password"] = Password, ["confirm_password"] = Password,
        });

    private static Task<PageResponse> LoginAsync(BrowserSession browser, string company, string email, string password)
        => browser.SubmitAsync($"/{company}/login", $"/{company}/login", new Dictionary<string, string> { ["email"] = email, ["password"] = password });

}
