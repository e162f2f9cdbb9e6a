using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Dapper;
using IAToolkit.AspNet.Localization;
using IAToolkit.AspNet.Tests.Sessions;
using IAToolkit.Companies;
using IAToolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using static IAToolkit.AspNet.Tests.Sessions.SampleAccounts;

namespace IAToolkit.AspNet.Tests;

/// <summary>
/// The chat page as the server sends it: the elements the script and the browser tests rely on, labels, both languages,
/// nothing inline for the CSP to block, its script and stylesheet served, and sign-in first for a visitor.
/// </summary>
public sealed class ChatPageTests : DatabaseTest
{
    private static readonly string[] s_contractIds =
    [
        "iat-chat", "iat-user", "iat-logout", "iat-messages", "iat-question", "iat-send", "iat-stop", "iat-file", "iat-attachments",
        "iat-model", "iat-new-conversation", "iat-prompts-open", "iat-prompts", "iat-prompt-form", "iat-prompt-run",
        "iat-history-open", "iat-history", "iat-history-search", "iat-help-open", "iat-help", "iat-onboarding",
        "iat-feedback", "iat-feedback-comment", "iat-feedback-send", "iat-chat-texts",
    ];

    [Test]
    public async Task Chat_SignedIn_HasEveryElementOfTheContract()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();
        await SignUpAsync(browser, "chat@example.com");
        await LoginAsync(browser, "chat@example.com");

        var chat = await browser.GetAsync("/sample_company/chat");
        var document = Parse(chat.Html);

        Assert.That(chat.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(s_contractIds.Where(id => document.GetElementById(id) is null), Is.Empty, "missing ids");
        var main = document.GetElementById("iat-chat")!;
        Assert.That(main.LocalName, Is.EqualTo("main"));
        Assert.That(main.GetAttribute("data-company"), Is.EqualTo("sample_company"));
        Assert.That(document.GetElementById("iat-user")!.TextContent, Is.EqualTo("Sam Ple"));
        var logout = document.GetElementById("iat-logout")!;
        var form = logout.Closest("form")!;
        Assert.That(form.GetAttribute("method"), Is.EqualTo("post"));
        Assert.That(form.GetAttribute("action"), Is.EqualTo("/sample_company/logout"));
        Assert.That(form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value"), Is.Not.Empty, "sign-out carries antiforgery");
        Assert.That(document.GetElementById("iat-messages")!.GetAttribute("role"), Is.EqualTo("log"));
        Assert.That(document.GetElementById("iat-question")!.LocalName, Is.EqualTo("textarea"));
        Assert.That(document.GetElementById("iat-stop")!.HasAttribute("hidden"), Is.True, "stop shows only while an answer streams");
        Assert.That(document.GetElementById("iat-file")!.GetAttribute("type"), Is.EqualTo("file"));
        Assert.That(document.GetElementById("iat-model")!.LocalName, Is.EqualTo("select"));
        Assert.That(document.GetElementById("iat-feedback")!.LocalName, Is.EqualTo("dialog"));
        Assert.That(document.QuerySelectorAll("#iat-feedback input[name=rating][type=radio]").Select(r => r.GetAttribute("value")), Is.EqualTo(new[] { "1", "2", "3", "4", "5" }));
        var cards = factory.Services.GetRequiredService<ICompanyCatalog>().Find("sample_company")!.Configuration.OnboardingCards;
        Assert.That(document.QuerySelectorAll("#iat-onboarding .iat-onboarding-card h3").Select(h => h.TextContent), Is.EqualTo(cards.Select(c => c.Title)), "the sample's onboarding cards");
        Assert.That(document.QuerySelectorAll("script[type=module]").Select(s => s.GetAttribute("src")), Does.Contain("/_iatoolkit/chat.js"));
        Assert.That(document.QuerySelectorAll("link[rel=stylesheet]").Select(s => s.GetAttribute("href")), Does.Contain("/_iatoolkit/chat.css"));
    }

    [Test]
    public async Task Chat_EveryControl_HasAName()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();
        await SignUpAsync(browser, "labels@example.com");
        await LoginAsync(browser, "labels@example.com");

        var document = Parse((await browser.GetAsync("/sample_company/chat")).Html);

        var fields = document.QuerySelectorAll("input:not([type=hidden]), textarea, select")
            .Where(f => document.QuerySelector($"label[for='{f.Id}']") is null && string.IsNullOrWhiteSpace(f.GetAttribute("aria-label")))
            .Select(f => f.Id ?? f.OuterHtml);
        var buttons = document.QuerySelectorAll("button")
            .Where(b => string.IsNullOrWhiteSpace(b.TextContent) && string.IsNullOrWhiteSpace(b.GetAttribute("aria-label")))
            .Select(b => b.Id ?? b.OuterHtml);
        Assert.That(fields, Is.Empty, "fields without a label");
        Assert.That(buttons, Is.Empty, "buttons without a name");
    }

    [Test]
    public async Task Chat_UserWhoPrefersSpanish_HasEveryTextInSpanish()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();
        await SignUpAsync(browser, "lucia@example.com");
        await using (var connection = await Database.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE iat_users SET preferred_language = 'es' WHERE email = 'lucia@example.com'");
        }

        await LoginAsync(browser, "lucia@example.com");
        var chat = await browser.GetAsync("/sample_company/chat");
        var document = Parse(chat.Html);
        using var texts = JsonDocument.Parse(document.GetElementById("iat-chat-texts")!.TextContent);

        Assert.That(document.DocumentElement.GetAttribute("lang"), Is.EqualTo("es"));
        Assert.That(document.GetElementById("iat-new-conversation")!.TextContent.Trim(), Is.EqualTo("Nueva conversación"));
        Assert.That(document.GetElementById("iat-logout")!.TextContent.Trim(), Is.EqualTo("Cerrar sesión"));
        Assert.That(document.GetElementById("iat-question")!.GetAttribute("placeholder"), Is.EqualTo("Escribe una pregunta…"));
        Assert.That(chat.Text, Does.Contain("Sesión iniciada como Sam Ple"));
        Assert.That(texts.RootElement.GetProperty("toolDocuments").GetString(), Is.EqualTo("Buscando en los documentos…"));
        Assert.That(texts.RootElement.GetProperty("stop").GetString(), Is.EqualTo("Detener"));
    }

    [Test]
    public async Task Chat_EnglishUser_ScriptTextsAreEnglishAndComplete()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();
        await SignUpAsync(browser, "tom@example.com");
        await LoginAsync(browser, "tom@example.com");

        var document = Parse((await browser.GetAsync("/sample_company/chat")).Html);
        using var texts = JsonDocument.Parse(document.GetElementById("iat-chat-texts")!.TextContent);

        Assert.That(document.DocumentElement.GetAttribute("lang"), Is.EqualTo("en"));
        Assert.That(texts.RootElement.GetProperty("toolSql").GetString(), Is.EqualTo("Querying {0}…"));
        Assert.That(texts.RootElement.EnumerateObject().Count(), Is.EqualTo(typeof(ChatText).GetProperties().Length), "every text reaches the script");
    }

    [Test]
    public void ChatTexts_BothLanguages_HaveEveryTextWithTheSamePlaceholders()
    {
        foreach (var property in typeof(ChatText).GetProperties())
        {
            var english = (string)property.GetValue(ChatTexts.English)!;
            var spanish = (string)property.GetValue(ChatTexts.Spanish)!;
            Assert.That(english, Is.Not.Empty, property.Name);
            Assert.That(spanish, Is.Not.Empty, property.Name);
            Assert.That(Placeholders(spanish), Is.EqualTo(Placeholders(english)), property.Name);
        }
    }

    [Test]
    public async Task Chat_Response_HasTheCspAndNoInlineCode()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        var jar = new CookieContainer();
        using var browser = factory.BrowserWith(jar);
        await SignUpAsync(browser, "csp@example.com");
        await LoginAsync(browser, "csp@example.com");
        using var client = factory.ApiClientWith(jar);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sample_company/chat");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request);
        var document = Parse(await response.Content.ReadAsStringAsync());
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(csp, Does.Contain("script-src 'self'").And.Contain("style-src 'self'"));
        Assert.That(csp, Does.Not.Contain("unsafe-inline").And.Not.Contain("unsafe-eval"));
        // A JSON data block is not run by the browser, so the CSP has nothing to allow for it.
        Assert.That(document.QuerySelectorAll("script").Where(s => !s.HasAttribute("src") && s.GetAttribute("type") != "application/json").Select(s => s.OuterHtml), Is.Empty, "inline scripts");
        Assert.That(document.QuerySelectorAll("style"), Is.Empty, "style elements");
        Assert.That(document.All.Where(e => e.HasAttribute("style")).Select(e => e.OuterHtml), Is.Empty, "style attributes");
        Assert.That(document.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Select(a => a.Name), Is.Empty, "event handler attributes");
    }

    [Test]
    public async Task Chat_FileLimits_AreShownBeforeUpload()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();
        await SignUpAsync(browser, "files@example.com");
        await LoginAsync(browser, "files@example.com");

        var document = Parse((await browser.GetAsync("/sample_company/chat")).Html);
        var main = document.GetElementById("iat-chat")!;

        Assert.That(document.GetElementById("iat-file-limits")!.TextContent, Is.EqualTo("PDF, DOCX, XLSX, TXT, MD, up to 10 MB each"));
        Assert.That(document.GetElementById("iat-file")!.GetAttribute("accept"), Is.EqualTo(".pdf,.docx,.xlsx,.txt,.md"));
        Assert.That(main.GetAttribute("data-max-file-bytes"), Is.EqualTo((10 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(main.GetAttribute("data-max-files"), Is.EqualTo("5"));
    }

    [Test]
    public async Task ChatAssets_AreServed()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var client = factory.CreateClient();

        using var script = await client.GetAsync(new Uri("/_iatoolkit/chat.js", UriKind.Relative));
        using var style = await client.GetAsync(new Uri("/_iatoolkit/chat.css", UriKind.Relative));
        var code = await script.Content.ReadAsStringAsync();

        Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(script.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
        Assert.That(style.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(style.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));
        // The model's text is never parsed as HTML: the one innerHTML takes the server's sanitized answer_html, into an inert template.
        Assert.That(code.Split("innerHTML").Length - 1, Is.EqualTo(1));
        Assert.That(code, Does.Contain("template.innerHTML = html.replace("));
        Assert.That(code, Does.Not.Contain("insertAdjacentHTML").And.Not.Contain("outerHTML").And.Not.Contain("eval(").And.Not.Contain("new Function"));
    }

    [Test]
    public async Task Chat_SignedOut_SignsInAndComesBack()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();
        await SignUpAsync(browser, "back@example.com");

        var chat = await browser.GetAsync("/sample_company/chat");
        var login = await browser.GetAsync(chat.Location!);
        // The sign-in form's own field (the language switch in the header carries a return_url too).
        var returnUrl = Parse(login.Html).QuerySelector("form[action$='/login'] input[name=return_url]")?.GetAttribute("value");
        var signedIn = await browser.SubmitAsync(chat.Location!, "/sample_company/login", new Dictionary<string, string>
        {
            ["email"] = "back@example.com", ["password"] = Password, ["return_url"] = returnUrl ?? string.Empty,
        });

        Assert.That(chat.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(chat.Location, Is.EqualTo("/sample_company/login?return_url=%2Fsample_company%2Fchat"));
        Assert.That(returnUrl, Is.EqualTo("/sample_company/chat"));
        Assert.That(signedIn.Location, Is.EqualTo("/sample_company/chat"));
        Assert.That((await browser.GetAsync("/sample_company/chat")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task LlmQueryStream_SessionExpired_Is401ProblemSoTheChatCanSignIn()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sample_company/llm_query")
        {
            Content = new StringContent("{\"question\":\"hi\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await client.SendAsync(request);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.RootElement.GetProperty("code").GetString(), Is.EqualTo("unauthenticated"));
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static string[] Placeholders(string text)
        => [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal)];
}
