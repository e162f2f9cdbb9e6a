using System.Net;
using System.Text.Json;
using Dapper;
using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests;

public sealed class HostStartupTests : DatabaseTest
{
    [Test]
    public async Task Start_SampleHost_MigratesAndUpsertsTheSampleCompany()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var client = factory.CreateClient();

        await using var connection = await Database.OpenAsync();
        var name = await connection.ExecuteScalarAsync<string>("SELECT name FROM iat_companies WHERE short_name = 'sample_company'");
        Assert.That(name, Is.EqualTo("Sample Company"));
    }

    [Test]
    public async Task UnknownPath_Returns404ProblemDetails()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/no/such/page", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Index_ListsTheCompaniesHtmlEncoded()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.Contain("<a href=\"/sample_company/home\"><strong>Sample Company</strong></a> <code>sample_company</code>"));
    }

    [Test]
    public async Task Version_ReturnsThePythonShape()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var client = factory.CreateClient();

        using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/version", UriKind.Relative)));

        Assert.That(body.RootElement.GetProperty("iatoolkit_version").GetString(), Is.EqualTo(IAToolkitVersion.Current));
    }

    [Test]
    public async Task OpenApi_TurnedOn_DescribesTheHost()
    {
        await using var factory = new SampleHostFactory(Database.Uri, new Dictionary<string, string?> { ["IAToolkit:Endpoints:OpenApi"] = "true" });
        using var client = factory.CreateClient();

        using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        Assert.That(body.RootElement.GetProperty("openapi").GetString(), Does.StartWith("3."));
        Assert.That(body.RootElement.GetProperty("paths").TryGetProperty("/version", out _), Is.True);
    }

    [Test]
    public async Task OpenApi_ProductionByDefault_Returns404AndTheIndexDoesNotLinkIt()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var index = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(index, Does.Not.Contain("openapi"));
    }
}
