using System.Net;
using System.Text.Json;
using IAToolkit.Testing;
using Npgsql;

namespace IAToolkit.AspNet.Tests;

public sealed class HealthEndpointTests : DatabaseTest
{
    // Production hides which check failed and why unless asked: these tests read the details.
    private static readonly Dictionary<string, string?> s_details = new() { ["IAToolkit:Endpoints:HealthDetails"] = "true" };

    [Test]
    public async Task Ready_ProductionByDefault_AnswersOnlyTheStatus()
    {
        await using var factory = new SampleHostFactory(Database.Uri, new Dictionary<string, string?> { ["REDIS_URL"] = "redis://127.0.0.1:1/0" });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(JsonDocument.Parse(text).RootElement.GetProperty("status").GetString(), Is.EqualTo("Unhealthy"));
        Assert.That(text, Does.Not.Contain("checks").And.Not.Contain("redis").And.Not.Contain("127.0.0.1"), "no check names, addresses or errors");
    }

    [Test]
    public async Task Health_HostStarted_Returns200()
    {
        await using var factory = new SampleHostFactory(Database.Uri);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await Status(response), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Ready_DatabaseAndRedisUp_Returns200WithBothChecks()
    {
        await using var factory = new SampleHostFactory(Database.Uri, s_details);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks");
        Assert.That(checks.GetProperty("database").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(checks.GetProperty("redis").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Ready_RedisDown_Returns503NamingRedis()
    {
        await using var factory = new SampleHostFactory(Database.Uri, new Dictionary<string, string?>(s_details) { ["REDIS_URL"] = "redis://127.0.0.1:1/0" });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks");
        Assert.That(checks.GetProperty("redis").GetProperty("status").GetString(), Is.EqualTo("Unhealthy"));
        Assert.That(checks.GetProperty("redis").GetProperty("error").GetString(), Does.Contain("127.0.0.1:1"));
        Assert.That(checks.GetProperty("database").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Ready_DatabaseGoneAfterStart_Returns503NamingTheDatabase()
    {
        await using var factory = new SampleHostFactory(Database.Uri, s_details);
        using var client = factory.CreateClient();
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE {Database.Name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var database = body.RootElement.GetProperty("checks").GetProperty("database");
        Assert.That(database.GetProperty("status").GetString(), Is.EqualTo("Unhealthy"));
        Assert.That(database.GetProperty("error").GetString(), Does.Contain(Database.Name));
        Assert.That(body.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
    }

    private static async Task<string?> Status(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("status").GetString();
    }
}
