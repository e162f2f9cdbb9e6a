using Dapper;
using IAToolkit.AspNet.Tests.Sessions;
using IAToolkit.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IAToolkit.AspNet.Tests.Pages;

/// <summary>The pages' language: ?lang=, the reader's choice, the user's preference, the company's locale, the browser.</summary>
public sealed class LanguageTests : DatabaseTest
{
    [Test]
    public async Task Page_AcceptLanguageSpanish_CompanyWithoutLocale_IsSpanish()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, configureRoot: WithoutLocale);
        using var client = Html(host.Client());
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR, es-CL;q=0.8, en;q=0.5");

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/acme/login", UriKind.Relative)));

        Assert.That(page, Does.Contain("<html lang=\"es\">"));
        Assert.That(page, Does.Contain("Iniciar sesión"));
    }

    [Test]
    public async Task Page_AcceptLanguageSpanish_CompanyLocaleEnglish_CompanyWins()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var client = Html(host.Client());
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/acme/login", UriKind.Relative)));

        Assert.That(page, Does.Contain("<html lang=\"en\">"));
    }

    [Test]
    public async Task Page_NoCompany_FollowsTheBrowser()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var client = Html(host.Client());
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-ES");

        using var response = await client.GetAsync(new Uri("/no/such/page", UriKind.Relative));
        var page = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.That(page, Does.Contain("Página no encontrada"));
        Assert.That(page, Does.Contain("No hay nada en /no/such/page."));
    }

    [Test]
    public async Task LangQuery_SetsAnHttpOnlyLaxCookieThatLaterPagesFollow()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var client = Html(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

        using var first = await client.GetAsync(new Uri("/sample_company/login?lang=es", UriKind.Relative));
        var cookie = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("iat_lang=", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sample_company/signup");
        request.Headers.Add("Cookie", "iat_lang=es");
        using var next = await client.SendAsync(request);

        Assert.That(System.Net.WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync()), Does.Contain("Iniciar sesión"));
        Assert.That(cookie, Does.StartWith("iat_lang=es;"));
        Assert.That(cookie, Does.Contain("httponly").IgnoreCase);
        Assert.That(cookie, Does.Contain("samesite=lax").IgnoreCase);
        Assert.That(cookie, Does.Contain("path=/"));
        Assert.That(cookie, Does.Not.Contain("secure").IgnoreCase, "plain HTTP in this test: Secure follows the session cookie's policy");
        Assert.That(System.Net.WebUtility.HtmlDecode(await next.Content.ReadAsStringAsync()), Does.Contain("Crea tu cuenta"));
    }

    [Test]
    public async Task ReaderChoice_BeatsTheCompanyLocale()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var browser = host.Browser();

        var before = await browser.GetAsync("/globex/login");
        var switched = await browser.SubmitAsync("/globex/login", "/globex/language", new Dictionary<string, string> { ["lang"] = "en", ["return_url"] = "/globex/login" });
        var after = await browser.GetAsync(switched.Location!);

        Assert.That(before.Text, Does.Contain("Iniciar sesión"), "globex's locale is es_ES");
        Assert.That(switched.Location, Is.EqualTo("/globex/login"));
        Assert.That(after.Html, Does.Contain("<html lang=\"en\">"));
        Assert.That(after.Text, Does.Contain("Forgot your password?"));
    }

    [Test]
    public async Task LanguageSwitch_SignedInUser_BecomesTheirPreference()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();
        await SampleAccounts.SignUpAsync(browser, "lang@example.com");
        await SampleAccounts.LoginAsync(browser, "lang@example.com");

        var switched = await browser.SubmitAsync("/sample_company/home", "/sample_company/language", new Dictionary<string, string> { ["lang"] = "es", ["return_url"] = "/sample_company/home" });
        var home = await browser.GetAsync("/sample_company/home");
        await using var connection = await Database.OpenAsync();
        var stored = await connection.ExecuteScalarAsync<string>("SELECT preferred_language FROM iat_users WHERE email = 'lang@example.com'");

        Assert.That(switched.Location, Is.EqualTo("/sample_company/home"));
        Assert.That(stored, Is.EqualTo("es"));
        Assert.That(home.Text, Does.Contain("Abrir el asistente"));
    }

    [Test]
    public async Task LanguageSwitch_IsInTheHeaderOfEveryPageAndKeepsThePage()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();

        var login = await browser.GetAsync("/sample_company/login?return_url=%2Fsample_company%2Fchat&lang=es");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(login.Html);
        var form = document.QuerySelector("header form.iat-language")!;

        Assert.That(form.GetAttribute("action"), Is.EqualTo("/sample_company/language"));
        Assert.That(form.GetAttribute("aria-label"), Is.EqualTo("Idioma"));
        Assert.That(form.QuerySelector("input[name=return_url]")?.GetAttribute("value"), Is.EqualTo("/sample_company/login?return_url=%2Fsample_company%2Fchat"));
        Assert.That(form.QuerySelectorAll("button[name=lang]").Select(b => (b.GetAttribute("value"), b.GetAttribute("lang"), b.GetAttribute("aria-pressed"), b.TextContent)),
            Is.EqualTo(new[] { ("en", "en", "false", "English"), ("es", "es", "true", "Español") }));
    }

    [Test]
    public async Task SpanishPages_ShowNoEnglishFrameworkText()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var browser = host.Browser();
        var english = typeof(Localization.UiText).GetProperties()
            .Where(p => p.Name is not nameof(Localization.UiText.Language) and not nameof(Localization.UiText.LanguageName))
            .Select(p => (string)p.GetValue(Localization.UiTexts.English)!)
            .Where(t => !t.Contains('{', StringComparison.Ordinal))
            .ToList();

        foreach (var path in new[] { "/globex/home", "/globex/login", "/globex/signup", "/globex/forgot-password", "/globex/logout", "/globex/verify/nope", "/globex/change-password/nope" })
        {
            var page = await browser.GetAsync(path);

            Assert.That(english.Where(t => page.Text.Contains(t, StringComparison.Ordinal)), Is.Empty, path);
        }
    }

    private static void WithoutLocale(TempContentRoot root)
        => root.WriteCompany("acme", TempContentRoot.MinimalYaml("acme", "ACME Retail").Replace("locale: \"en_US\"", string.Empty, StringComparison.Ordinal));

    private static HttpClient Html(HttpClient client)
    {
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }
}
