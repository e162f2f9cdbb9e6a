using System.Net;
using AngleSharp.Html.Parser;
using IAToolkit.AspNet.Tests.Sessions;
using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests.Pages;

/// <summary>Every form of every page: antiforgery on each POST, a label on each control, and sign-in's return_url kept local.</summary>
[Category("Security")]
public sealed class PageFormsTests : DatabaseTest
{
    private static readonly string[] s_anonymousPages =
    [
        "/sample_company/home", "/sample_company/home?lang=es", "/sample_company/login", "/sample_company/login?return_url=%2Fsample_company%2Fchat",
        "/sample_company/signup", "/sample_company/forgot-password", "/sample_company/logout", "/sample_company/verify/nope",
        "/sample_company/change-password/nope", "/sample_company/external-login/nope", "/no/such/page",
    ];

    [Test]
    public async Task EveryPage_EveryPostForm_CarriesTheAntiforgeryTokenAndEveryControlHasALabel()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();
        var pages = new List<(string Path, PageResponse Page)>();
        foreach (var path in s_anonymousPages)
        {
            pages.Add((path, await browser.GetAsync(path)));
        }

        await SampleAccounts.SignUpAsync(browser, "forms@example.com");
        pages.Add(("login error", await SampleAccounts.LoginAsync(browser, "forms@example.com", "Wrong!pass1")));
        await SampleAccounts.LoginAsync(browser, "forms@example.com");
        pages.Add(("/sample_company/home (signed in)", await browser.GetAsync("/sample_company/home")));
        pages.Add(("/sample_company/chat", await browser.GetAsync("/sample_company/chat")));

        var postForms = 0;
        foreach (var (path, page) in pages)
        {
            var document = new HtmlParser().ParseDocument(page.Html);
            foreach (var form in document.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
            {
                postForms++;
                Assert.That(form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]")?.GetAttribute("value"), Is.Not.Null.And.Not.Empty, $"{path}: form {form.GetAttribute("action")}");
            }

            foreach (var control in document.QuerySelectorAll("input:not([type=hidden]), select, textarea"))
            {
                var id = control.GetAttribute("id");
                var labelled = control.HasAttribute("aria-label") || control.HasAttribute("aria-labelledby")
                    || (id is not null && document.QuerySelector($"label[for='{id}']") is not null) || control.Closest("label") is not null;
                Assert.That(labelled, Is.True, $"{path}: {control.OuterHtml}");
            }

            foreach (var button in document.QuerySelectorAll("button"))
            {
                Assert.That(button.TextContent.Trim().Length > 0 || button.HasAttribute("aria-label"), Is.True, $"{path}: {button.OuterHtml}");
            }

            // A JSON data block (the chat's texts) is data, not script: the browser never runs it.
            Assert.That(document.QuerySelectorAll("[style],[onclick],[onload],[onerror],script:not([src]):not([type='application/json'])"), Is.Empty, path);
        }

        Assert.That(postForms, Is.GreaterThan(pages.Count), "each page has the language switch and most a form of their own");
    }

    [Test]
    public async Task Login_ReturnUrlToTheChat_BringsAnExpiredSessionBackToTheChat()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();
        await SampleAccounts.SignUpAsync(browser, "back@example.com");

        var chat = await browser.GetAsync("/sample_company/chat");
        var login = await browser.GetAsync(chat.Location!);
        var field = new HtmlParser().ParseDocument(login.Html).QuerySelector("form[action='/sample_company/login'] input[name=return_url]")?.GetAttribute("value");
        var signedIn = await browser.SubmitAsync(chat.Location!, "/sample_company/login", new Dictionary<string, string>
        {
            ["email"] = "back@example.com", ["password"] = SampleAccounts.Password, ["return_url"] = field!,
        });

        Assert.That(chat.Location, Is.EqualTo("/sample_company/login?return_url=%2Fsample_company%2Fchat"));
        Assert.That(field, Is.EqualTo("/sample_company/chat"));
        Assert.That(signedIn.Location, Is.EqualTo("/sample_company/chat"));
    }

    [TestCase("//evil.example")]
    [TestCase("https://evil.example")]
    [TestCase("http://evil.example/sample_company/chat")]
    [TestCase("/\\evil.example")]
    [TestCase("\\\\evil.example")]
    [TestCase("/sample_company/\\evil.example")]
    [TestCase("/sample_company\\..\\..\\evil.example")]
    [TestCase("%2F%2Fevil.example")]
    [TestCase("/%2F%2Fevil.example")]
    [TestCase("/%5Cevil.example")]
    [TestCase("/sample_company/%5C%5Cevil.example")]
    [TestCase("/sample_company/../..//evil.example")]
    [TestCase("/sample_company/%2e%2e/%2e%2e//evil.example")]
    [TestCase("/sample_company@evil.example")]
    [TestCase("/sample_companyx/chat")]
    [TestCase("/other_company/chat")]
    [TestCase("javascript:alert(1)")]
    [TestCase(" /sample_company/chat")]
    public async Task Login_ReturnUrlOutsideTheCompany_IsIgnored(string returnUrl)
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();
        await SampleAccounts.SignUpAsync(browser, "redirect@example.com");

        var login = await browser.GetAsync("/sample_company/login?return_url=" + Uri.EscapeDataString(returnUrl));
        var field = new HtmlParser().ParseDocument(login.Html).QuerySelector("form[action='/sample_company/login'] input[name=return_url]")?.GetAttribute("value");
        var signedIn = await browser.SubmitAsync("/sample_company/login", "/sample_company/login", new Dictionary<string, string>
        {
            ["email"] = "redirect@example.com", ["password"] = SampleAccounts.Password, ["return_url"] = returnUrl,
        });
        var language = await browser.SubmitAsync("/sample_company/home", "/sample_company/language", new Dictionary<string, string> { ["lang"] = "es", ["return_url"] = returnUrl });

        Assert.That(login.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(field ?? string.Empty, Is.Empty);
        Assert.That(signedIn.Location, Is.EqualTo("/sample_company/chat"));
        Assert.That(language.Location, Is.EqualTo("/sample_company/home"));
    }
}
