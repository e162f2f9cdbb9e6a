using System.Net;
using Dapper;
using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests;

/// <summary>Sign-up, sign-in and sign-out through the pages of the sample company, which does not verify e-mail.</summary>
public sealed class AccountPagesTests : DatabaseTest
{
    private const string Password = "Str0ng!pass";

    [Test]
    public async Task SignUp_ThenLogin_LandsOnChatWithTheUsersName()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();

        var signUp = await SignUpAsync(browser, "ana@example.com", "Ana", "Pérez");
        var login = await LoginAsync(browser, "ANA@example.com ", Password);
        var chat = await browser.GetAsync(login.Location!);

        Assert.That(signUp.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(signUp.Text, Does.Contain("Your account is ready"));
        Assert.That(login.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(login.Location, Is.EqualTo("/sample_company/chat"));
        Assert.That(chat.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(chat.Text, Does.Contain("Signed in as Ana Pérez"));
    }

    [Test]
    public async Task Chat_UserWhoPrefersSpanish_IsInSpanish()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();
        await SignUpAsync(browser, "es@example.com", "Eva", "Sanz");
        await using (var connection = await Database.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE iat_users SET preferred_language = 'es' WHERE email = 'es@example.com'");
        }

        await LoginAsync(browser, "es@example.com", Password);
        var chat = await browser.GetAsync("/sample_company/chat");

        Assert.That(chat.Text, Does.Contain("Sesión iniciada como Eva Sanz"));
        Assert.That(chat.Html, Does.Contain("<html lang=\"es\">"));
    }

    [Test]
    public async Task Chat_WithoutSession_RedirectsToLoginKeepingTheTarget()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();

        var chat = await browser.GetAsync("/sample_company/chat");

        Assert.That(chat.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(chat.Location, Is.EqualTo("/sample_company/login?return_url=%2Fsample_company%2Fchat"));
    }

    [Test]
    public async Task Logout_EndsTheSession()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();
        await SignUpAsync(browser, "bo@example.com", "Bo", "Li");
        await LoginAsync(browser, "bo@example.com", Password);

        var logout = await browser.SubmitAsync("/sample_company/chat", "/sample_company/logout", new Dictionary<string, string>());
        var chat = await browser.GetAsync("/sample_company/chat");

        Assert.That(logout.Location, Is.EqualTo("/sample_company/home"));
        Assert.That(chat.Status, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task Login_WrongPasswordOrUnknownUser_SameMessageAndAudited()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();
        await SignUpAsync(browser, "cy@example.com", "Cy", "Do");

        var wrongPassword = await LoginAsync(browser, "cy@example.com", "Wrong!pass1");
        var unknownUser = await LoginAsync(browser, "nobody@example.com", Password);

        Assert.That(wrongPassword.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(wrongPassword.Text, Does.Contain("The e-mail or the password is not correct."));
        Assert.That(unknownUser.Text, Does.Contain("The e-mail or the password is not correct."));
        await using var connection = await Database.OpenAsync();
        var audit = (await connection.QueryAsync<(string User, string Outcome, string Reason)>(
            "SELECT user_identifier, outcome, reason FROM iat_login_audit ORDER BY id")).ToList();
        Assert.That(audit, Is.EqualTo(new[] { ("cy@example.com", "failure", "invalid_credentials"), ("nobody@example.com", "failure", "invalid_credentials") }));
    }

    [Test]
    public async Task SignUp_BadInput_ListsEveryProblemAndStoresNothing()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();

        var page = await browser.SubmitAsync("/sample_company/signup", "/sample_company/signup", new Dictionary<string, string>
        {
            ["email"] = "not-an-email",
            ["first_name"] = "<script>alert(1)</script>",
            ["last_name"] = "x'; DROP TABLE iat_users; --",
            ["password"] = "short",
            ["confirm_password"] = "short",
        });

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page.Text, Does.Contain("Enter a valid e-mail address."));
        Assert.That(page.Text, Does.Contain("Use letters, spaces, apostrophes, dots or hyphens"));
        Assert.That(page.Text, Does.Contain("The password does not meet the rules."));
        Assert.That(page.Html, Does.Not.Contain("<script>alert(1)</script>"), "the value is echoed encoded");
        Assert.That(page.Html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
        await using var connection = await Database.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM iat_users"), Is.Zero);
    }

    [Test]
    public async Task SignUp_ExistingEmailWithAnotherPassword_SameAnswerAndThePasswordStays()
    {
        // The same page as for a new address, so the form does not tell who has an account; nothing changes.
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();
        var first = await SignUpAsync(browser, "dee@example.com", "Dee", "Ray");

        var again = await SignUpAsync(browser, "dee@example.com", "Dee", "Ray", "Other!pass9");

        Assert.That(again.Status, Is.EqualTo(first.Status));
        Assert.That(again.Text, Is.EqualTo(first.Text));
        Assert.That((await LoginAsync(browser, "dee@example.com", "Other!pass9")).Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await LoginAsync(browser, "dee@example.com", Password)).Location, Is.EqualTo("/sample_company/chat"));
    }

    [Test]
    public async Task Post_WithoutAntiforgeryToken_IsRefusedAndStoresNothing()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();

        var page = await browser.PostAsync("/sample_company/signup", new Dictionary<string, string>
        {
            ["email"] = "eve@example.com", ["first_name"] = "Eve", ["last_name"] = "Ng", ["password"] = Password, ["confirm_password"] = Password,
        });

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page.Text, Does.Contain("The form expired"));
        await using var connection = await Database.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM iat_users"), Is.Zero);
    }

    [Test]
    public async Task Login_TooManyAttempts_Returns429WithRetryAfter()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();

        // A different address each time: this is the per-client limit (10 a minute), not the per-account backoff.
        // The window is a clock minute, so the first ten never hit it and, with at most one minute boundary in a
        // few seconds, 21 attempts always do.
        var statuses = new List<HttpStatusCode>();
        PageResponse last = null!;
        for (var i = 0; i < 21 && !statuses.Contains(HttpStatusCode.TooManyRequests); i++)
        {
            last = await LoginAsync(browser, $"fay{i}@example.com", "Wrong!pass1");
            statuses.Add(last.Status);
        }

        Assert.That(statuses.Take(10), Has.None.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(last.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(last.Text, Does.Contain("Too many attempts"));
    }

    [Test]
    public async Task Pages_UnknownCompany_Returns404Page()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();

        var page = await browser.GetAsync("/no_such_company/login");

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(page.Text, Does.Contain("There is no company named 'no_such_company'"));
    }

    [Test]
    public async Task Login_HugeBody_Returns413()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();

        var page = await browser.PostAsync("/sample_company/login", new Dictionary<string, string> { ["email"] = new string('a', 100_000) });

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    private static Task<PageResponse> SignUpAsync(BrowserSession browser, string email, string first, string last, string password = Password)
        => browser.SubmitAsync("/sample_company/signup", "/sample_company/signup", new Dictionary<string, string>
        {
            ["email"] = email, ["first_name"] = first, ["last_name"] = last, ["password"] = password, ["confirm_password"] = password,
        });

    private static Task<PageResponse> LoginAsync(BrowserSession browser, string email, string password)
        => browser.SubmitAsync("/sample_company/login", "/sample_company/login", new Dictionary<string, string> { ["email"] = email, ["password"] = password });
}
