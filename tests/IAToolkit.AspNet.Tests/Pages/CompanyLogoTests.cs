using System.Net;
using AngleSharp.Html.Parser;
using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests.Pages;

/// <summary>The company's logo: served from its folder with the right type and an ETag, shown in every page's header.</summary>
public sealed class CompanyLogoTests : DatabaseTest
{
    // The smallest valid PNG: one transparent pixel.
    private static readonly byte[] s_png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Test]
    public async Task Logo_Svg_IsServedUnableToRunScript()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var client = factory.CreateClient();

        using var logo = await client.GetAsync(new Uri("/_iatoolkit/sample_company/logo", UriKind.Relative));
        var etag = logo.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/_iatoolkit/sample_company/logo");
        again.Headers.IfNoneMatch.Add(etag);
        using var cached = await client.SendAsync(again);

        Assert.That(logo.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(logo.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/svg+xml"));
        Assert.That(logo.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo("default-src 'none'; style-src 'unsafe-inline'; sandbox"));
        Assert.That(logo.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(await logo.Content.ReadAsStringAsync(), Does.StartWith("<svg"));
        Assert.That(cached.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task Logo_Png_IsServedAsPngAndShownInTheHeader()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, configureRoot: root => File.WriteAllBytes(HomePageTests.TemplatePath(root, "acme", "logo.png"), s_png));
        using var client = host.Client();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/acme/login", UriKind.Relative)));
        var img = page.QuerySelector("header img.iat-logo")!;
        using var logo = await client.GetAsync(new Uri(img.GetAttribute("src")!, UriKind.Relative));

        Assert.That(img.GetAttribute("alt"), Is.EqualTo("ACME Retail"));
        Assert.That(img.GetAttribute("src"), Does.StartWith("/_iatoolkit/acme/logo?v="));
        Assert.That(logo.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        Assert.That(await logo.Content.ReadAsByteArrayAsync(), Is.EqualTo(s_png));
        Assert.That(logo.Headers.GetValues("Content-Security-Policy").Single(), Does.Not.Contain("unsafe-inline"), "only an SVG gets the logo policy");
        Assert.That(page.QuerySelector("header .iat-company")?.TextContent, Is.EqualTo("ACME Retail"));
    }

    [Test]
    public async Task Logo_None_Or_TooLarge_IsNotFoundAndNotShown()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, configureRoot: root =>
            File.WriteAllBytes(HomePageTests.TemplatePath(root, "globex", "logo.jpg"), new byte[(512 * 1024) + 1]));
        using var client = host.Client();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var none = await client.GetAsync(new Uri("/_iatoolkit/acme/logo", UriKind.Relative));
        using var large = await client.GetAsync(new Uri("/_iatoolkit/globex/logo", UriKind.Relative));
        var page = await client.GetStringAsync(new Uri("/globex/login", UriKind.Relative));

        Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(large.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(page, Does.Not.Contain("iat-logo"));
        Assert.That(page, Does.Contain("<span class=\"iat-company\">Globex</span>"));
    }
}
