using System.Diagnostics;
using System.Globalization;
using System.Net;
using Dapper;
using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests.Sessions;

/// <summary>
/// Sign-up and forgot-password answer the same for an address with an account and one without, and at once: the
/// mail (if any) leaves from a background queue, so neither the page nor the time it takes tells who has an account.
/// </summary>
[Category("Security")]
public sealed class UniformAnswerTests : DatabaseTest
{
    private const string Password = "Str0ng!pass";

    [Test]
    public async Task SignUp_ExistingAddress_SameStatusAndPageAsANewOne()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var browser = host.Browser();
        var existing = await VerifiedUserAsync(browser, "taken");
        var fresh = MailLinks.UniqueAddress("fresh");

        var forExisting = await SignUpAsync(browser, existing, "Other!pass9");
        var forNew = await SignUpAsync(browser, fresh, Password);

        Assert.That(forExisting.Status, Is.EqualTo(forNew.Status));
        Assert.That(forExisting.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(forExisting.Text.Replace(existing, "{email}", StringComparison.Ordinal), Is.EqualTo(forNew.Text.Replace(fresh, "{email}", StringComparison.Ordinal)));
        Assert.That(forNew.Text, Does.Contain($"We sent a verification link to {fresh}"));
        using var another = host.Browser();
        Assert.That((await LoginAsync(another, existing, "Other!pass9")).Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await LoginAsync(another, existing, Password)).Location, Is.EqualTo("/acme/chat"), "the existing account keeps its password");
        await Task.Delay(500);
        Assert.That(await Smtp4devMailbox.CountToAsync(existing), Is.EqualTo(1), "only the first verification mail: a verified owner is sent nothing");
    }

    [Test]
    public async Task SignUp_UnverifiedMemberSignsUpAgain_GetsANewLinkAndKeepsTheFirstPassword()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var browser = host.Browser();
        var email = MailLinks.UniqueAddress("again");
        await SignUpAsync(browser, email, Password);
        await Smtp4devMailbox.FindToAsync(email);

        var again = await SignUpAsync(browser, email, "Other!pass9");
        var mails = await WaitForCountAsync(email, 2);

        Assert.That(again.Text, Does.Contain($"We sent a verification link to {email}"));
        Assert.That(mails, Is.EqualTo(2), "the lost-mail case: a new link goes out");
        await using var connection = await Database.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM iat_users WHERE email = @email", new { email }), Is.EqualTo(1));
    }

    [Test]
    public async Task ForgotPassword_KnownAndUnknownAddress_SameStatusAndPage()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var browser = host.Browser();
        var known = await VerifiedUserAsync(browser, "known");
        var unknown = MailLinks.UniqueAddress("unknown");

        var forKnown = await ForgotAsync(browser, known);
        var forUnknown = await ForgotAsync(browser, unknown);
        var forNonMember = await ForgotAsync(browser, known, "globex");

        Assert.That(forUnknown.Status, Is.EqualTo(forKnown.Status));
        Assert.That(forUnknown.Text, Is.EqualTo(forKnown.Text));
        Assert.That(forKnown.Text, Does.Contain("If an account exists for that address"));
        Assert.That(forNonMember.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Smtp4devMailbox.FindAsync("ACME Retail: reset your password", known)).To.Mailboxes.Single().Address, Is.EqualTo(known));
        Assert.That(await Smtp4devMailbox.CountToAsync(unknown), Is.Zero);
    }

    [Test]
    public async Task SignUp_SlowMailServer_AnswersBeforeTheMailIsSentAndTheMailArrivesLater()
    {
        await using var proxy = new DelayingTcpProxy(TestServices.SmtpHost, int.Parse(TestServices.SmtpPort, CultureInfo.InvariantCulture), TimeSpan.FromSeconds(5));
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, new Dictionary<string, string?> { ["SMTP_PORT"] = proxy.Port.ToString(CultureInfo.InvariantCulture) });
        using var browser = host.Browser();
        var email = MailLinks.UniqueAddress("slow");
        await browser.GetAsync("/acme/signup");

        var clock = Stopwatch.StartNew();
        var page = await SignUpAsync(browser, email, Password);
        var elapsed = clock.Elapsed;
        var mailsWhenAnswered = await Smtp4devMailbox.CountToAsync(email);

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Text, Does.Contain($"We sent a verification link to {email}"));
        Assert.That(mailsWhenAnswered, Is.Zero, "the page did not wait for the mail server");
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(4.5)), "well under the mail server's 5 s");
        var mail = await Smtp4devMailbox.FindToAsync(email);
        Assert.That(mail.HtmlBody, Does.Contain("/acme/verify/"), "and the mail does arrive, later");
    }

    [Test]
    public async Task ForgotPassword_SlowMailServer_AnswersBeforeTheMailIsSent()
    {
        await using var proxy = new DelayingTcpProxy(TestServices.SmtpHost, int.Parse(TestServices.SmtpPort, CultureInfo.InvariantCulture), TimeSpan.FromSeconds(4));
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, new Dictionary<string, string?> { ["SMTP_PORT"] = proxy.Port.ToString(CultureInfo.InvariantCulture) });
        using var browser = host.Browser();
        var email = await VerifiedUserAsync(browser, "slowreset");

        var clock = Stopwatch.StartNew();
        var page = await ForgotAsync(browser, email);
        var elapsed = clock.Elapsed;
        var mailsWhenAnswered = await Smtp4devMailbox.CountToAsync(email);

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(mailsWhenAnswered, Is.EqualTo(1), "only the verification mail so far: the page did not wait for the reset mail");
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(3.5)));
        Assert.That((await Smtp4devMailbox.FindAsync("ACME Retail: reset your password", email)).To.Mailboxes.Single().Address, Is.EqualTo(email));
    }

    private static async Task<int> WaitForCountAsync(string email, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        int count;
        while ((count = await Smtp4devMailbox.CountToAsync(email)) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        return count;
    }

    private static async Task<string> VerifiedUserAsync(BrowserSession browser, string tag)
    {
        var email = MailLinks.UniqueAddress(tag);
        await SignUpAsync(browser, email, Password);
        await browser.GetAsync(MailLinks.PathIn((await Smtp4devMailbox.FindToAsync(email)).HtmlBody, "/acme/verify/"));
        return email;
    }



    private static Task<PageResponse> SignUpAsync(BrowserSession browser, string email, string password)
        => browser.SubmitAsync("/acme/signup", "/acme/signup", new Dictionary<string, string>
        {
            ["email"] = email, ["first_name"] = "Ana", ["last_name"] = "Pérez", ["password"] = password, ["confirm_password"] = password,
        });

    private static Task<PageResponse> ForgotAsync(BrowserSession browser, string email, string company = "acme")
        => browser.SubmitAsync($"/{company}/forgot-password", $"/{company}/forgot-password", new Dictionary<string, string> { ["email"] = email });

    private static Task<PageResponse> LoginAsync(BrowserSession browser, string email, string password)
        => browser.SubmitAsync("/acme/login", "/acme/login", new Dictionary<string, string> { ["email"] = email, ["password"] = password });

}
