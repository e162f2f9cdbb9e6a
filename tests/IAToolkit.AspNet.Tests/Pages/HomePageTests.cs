using System.Net;
using AngleSharp.Html.Parser;
using IAToolkit.AspNet.Tests.Sessions;
using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests.Pages;

/// <summary>GET /{c}/home: the company's own landing page (or the default one) with the sign-in widget.</summary>
public sealed class HomePageTests : DatabaseTest
{
    [Test]
    public async Task Home_SampleCompany_ShowsItsEnglishTemplateWithSignInLogoAndStylesheet()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();

        var home = await browser.GetAsync("/sample_company/home");
        var document = new HtmlParser().ParseDocument(home.Html);

        Assert.That(home.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(document.DocumentElement.GetAttribute("lang"), Is.EqualTo("en"));
        Assert.That(document.QuerySelector("h1")?.TextContent, Is.EqualTo("Ask Sample Company anything"));
        Assert.That(home.Text, Does.Contain("What were the total sales in Germany"));
        var form = document.QuerySelector(".sample-columns .iat-home-signin form[action='/sample_company/login']");
        Assert.That(form, Is.Not.Null, "{{login}} places the sign-in form inside the company's layout");
        Assert.That(form!.QuerySelector("label[for=email]")?.TextContent, Is.EqualTo("E-mail"));
        Assert.That(document.QuerySelector("img.iat-logo")?.GetAttribute("alt"), Is.EqualTo("Sample Company"));
        Assert.That(document.QuerySelector("link[href^='/_iatoolkit/sample_company/home.css?v=']"), Is.Not.Null);
        Assert.That(home.Html, Does.Not.Contain("{{"), "every placeholder is filled in");
        Assert.That(home.Html, Does.Not.Contain("<!--"), "the template's comments stay in the template");
    }

    [Test]
    public async Task Home_LangEs_ShowsTheSpanishTemplateAndTheFrameworkInSpanish()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();

        var home = await browser.GetAsync("/sample_company/home?lang=es");

        Assert.That(home.Html, Does.Contain("<html lang=\"es\">"));
        Assert.That(home.Text, Does.Contain("Pregunta lo que quieras a Sample Company"));
        Assert.That(home.Text, Does.Contain("Correo electrónico"));
        Assert.That(home.Text, Does.Contain("¿Olvidaste tu contraseña?"));
    }

    [Test]
    public async Task Home_CompanyTemplateWithActiveContent_RendersTheTextWithoutIt()
    {
        const string template = """
            <h1 onclick="steal()" style="color:red" class="hero">Welcome to {{ company_name }}</h1>
            <script>alert('home')</script>
            <style>body{display:none}</style>
            <p>Read <a href="javascript:alert(1)">this</a>, <a href="https://www.example.com/about">about us</a> and <a href="/acme/signup">join</a>.</p>
            <img src="https://tracker.example/pixel.png" alt="Our team">
            <img src="/_iatoolkit/acme/logo" alt="logo" onerror="alert(2)">
            <form method="post" action="https://evil.example/"><input name="password"></form>
            <iframe src="https://evil.example/"></iframe>
            <svg><script>alert(3)</script></svg>
            <div id="email">not the widget's id</div>
            """;
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, configureRoot: root => File.WriteAllText(TemplatePath(root, "acme", "home.html"), template));
        using var browser = host.Browser();

        var home = await browser.GetAsync("/acme/home");
        var document = new HtmlParser().ParseDocument(home.Html);
        var custom = document.QuerySelector(".iat-home-custom")!;

        Assert.That(custom.QuerySelector("h1.hero")?.TextContent, Is.EqualTo("Welcome to ACME Retail"));
        Assert.That(custom.QuerySelectorAll("[onclick],[onerror],[style],script,style,iframe,svg,form,input"), Is.Empty);
        Assert.That(home.Html, Does.Not.Contain("alert("));
        Assert.That(home.Html, Does.Not.Contain("javascript:"));
        Assert.That(custom.QuerySelector("a[href='https://www.example.com/about']")?.GetAttribute("rel"), Is.EqualTo("noopener noreferrer"));
        Assert.That(custom.QuerySelector("a[href='/acme/signup']"), Is.Not.Null);
        Assert.That(custom.QuerySelector("img[src^='https:']"), Is.Null, "an image the CSP would block is replaced by its text");
        Assert.That(custom.TextContent, Does.Contain("Our team"));
        Assert.That(custom.QuerySelector("img[src='/_iatoolkit/acme/logo']"), Is.Not.Null);
        Assert.That(document.QuerySelectorAll("#email"), Has.Length.EqualTo(1), "the widget keeps its own ids");
        Assert.That(document.QuerySelectorAll("form[method=post]").Select(f => f.GetAttribute("action")), Is.EquivalentTo(new[] { "/acme/login", "/acme/language" }));
        Assert.That(document.QuerySelector("aside.iat-home-signin form[action='/acme/login']"), Is.Not.Null, "without {{login}} the widget stands beside the content");
    }

    [Test]
    public async Task Home_LanguageTemplates_FollowThePageLanguageThenHomeHtml()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, configureRoot: root =>
        {
            File.WriteAllText(TemplatePath(root, "acme", "home_es.html"), "<p>Hola desde ACME</p>");
            File.WriteAllText(TemplatePath(root, "acme", "home.html"), "<p>Any language</p>");
        });
        using var browser = host.Browser();

        var spanish = await browser.GetAsync("/acme/home?lang=es");
        var english = await browser.GetAsync("/acme/home?lang=en");

        Assert.That(spanish.Text, Does.Contain("Hola desde ACME"));
        Assert.That(english.Text, Does.Contain("Any language"));
        Assert.That(english.Text, Does.Not.Contain("Hola"));
    }

    [Test]
    public async Task Home_WithoutTemplate_DefaultPageSaysWhatTheAssistantIsFor()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);
        using var browser = host.Browser();

        var english = await browser.GetAsync("/acme/home");
        var spanish = await browser.GetAsync("/globex/home");

        Assert.That(english.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(english.Text, Does.Contain("Welcome to ACME Retail"));
        Assert.That(english.Text, Does.Contain("Ask the assistant of ACME Retail about the company's data and documents"));
        Assert.That(english.Html, Does.Contain("action=\"/acme/login\""));
        Assert.That(spanish.Text, Does.Contain("Bienvenido a Globex"));
        Assert.That(spanish.Text, Does.Contain("Iniciar sesión"));
    }

    [Test]
    public async Task Home_CompanyDescription_IsTheDefaultPagesIntroduction()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, configureRoot: root =>
            root.WriteCompany("acme", TempContentRoot.MinimalYaml("acme", "ACME Retail") + "\ndescription: \"Answers about ACME's stores & stock.\"\n"));
        using var browser = host.Browser();

        var home = await browser.GetAsync("/acme/home");

        Assert.That(home.Text, Does.Contain("Answers about ACME's stores & stock."));
        Assert.That(home.Html, Does.Contain("stores &amp; stock"));
    }

    [Test]
    public async Task Home_SignedInUser_SeesTheWayIntoTheChat()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var browser = factory.Browser();
        await SampleAccounts.SignUpAsync(browser, "home@example.com");
        await SampleAccounts.LoginAsync(browser, "home@example.com");

        var home = await browser.GetAsync("/sample_company/home");
        var document = new HtmlParser().ParseDocument(home.Html);

        Assert.That(home.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(document.QuerySelector("a.iat-button[href='/sample_company/chat']")?.TextContent, Is.EqualTo("Open the assistant"));
        Assert.That(home.Text, Does.Contain("Signed in as Sam Ple"));
        Assert.That(document.QuerySelector("form[action='/sample_company/login']"), Is.Null);
    }

    internal static string TemplatePath(TempContentRoot root, string company, string file)
    {
        var folder = Path.Combine(root.Path, "companies", company, "templates");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, file);
    }
}
