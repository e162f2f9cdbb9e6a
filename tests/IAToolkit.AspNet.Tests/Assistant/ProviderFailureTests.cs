using System.Diagnostics;
using System.Net;
using Dapper;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>When the provider is down, rate-limiting or slow, the caller gets the documented error in bounded time, and the log says so.</summary>
public sealed class ProviderFailureTests
{
    [Test]
    public async Task RateLimitStorm_Returns503AfterTheRetries()
    {
        await using var host = await AssistantHost.StartAsync(new Dictionary<string, string?> { ["IAToolkit:Assistant:MaxRetries"] = "2" });
        for (var i = 0; i < 3; i++)
        {
            host.Llm.Enqueue(ScriptedReply.Error(429, "Rate limit reached", TimeSpan.Zero));
        }

        var watch = Stopwatch.StartNew();
        using var response = await host.PostAsync("/api/sample_company/llm_query", new { question = "Hello?", user_identifier = "rl@example.com" });

        await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "llm_rate_limited");
        Assert.That(host.Llm.ChatRequests, Has.Count.EqualTo(3), "one try and two retries");
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
        Assert.That(await LoggedOutcomeAsync(host, "rl@example.com"), Is.EqualTo("llm_rate_limited"));
    }

    [Test]
    public async Task ProviderDown_Returns502()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.Error(500, "The server had an error"));

        using var response = await host.PostAsync("/api/sample_company/llm_query", new { question = "Hello?", user_identifier = "down@example.com" });

        await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadGateway, "llm_unavailable");
        Assert.That(await LoggedOutcomeAsync(host, "down@example.com"), Is.EqualTo("llm_unavailable"));
    }

    [Test]
    public async Task SlowProvider_Returns504WithinTheLimit()
    {
        // An attempt may not outlast the question, so a short question limit comes with an attempt limit no longer.
        await using var host = await AssistantHost.StartAsync(new Dictionary<string, string?>
        {
            ["IAToolkit:Assistant:RequestTimeout"] = "00:00:02",
            ["IAToolkit:Assistant:AttemptTimeout"] = "00:00:02",
        });
        host.Llm.Enqueue(ScriptedReply.Delay(TimeSpan.FromSeconds(30), ScriptedReply.Text("Too late.")));

        var watch = Stopwatch.StartNew();
        using var response = await host.PostAsync("/api/sample_company/llm_query", new { question = "Hello?", user_identifier = "slow@example.com" });

        await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.GatewayTimeout, "llm_timeout");
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(6)));
        Assert.That(await LoggedOutcomeAsync(host, "slow@example.com"), Is.EqualTo("llm_timeout"));
    }

    [Test]
    public async Task NoKey_Returns503NamingTheVariable()
    {
        await using var host = await AssistantHost.StartAsync(new Dictionary<string, string?> { ["OPENAI_API_KEY"] = string.Empty, ["OPENAI_BASE_URL"] = string.Empty });

        using var response = await host.PostAsync("/api/sample_company/llm_query", new { question = "Hello?", user_identifier = "nokey@example.com" });

        var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "llm_not_configured");
        Assert.That(detail, Does.Contain("OPENAI_API_KEY").And.Contain("OPENAI_BASE_URL"));
    }

    private static async Task<string?> LoggedOutcomeAsync(AssistantHost host, string user)
    {
        await host.FlushQueryLogAsync();
        await using var connection = await SampleAssistantFixture.Core.OpenAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT outcome FROM iat_queries WHERE user_identifier = @user ORDER BY id DESC LIMIT 1", new { user });
    }
}
