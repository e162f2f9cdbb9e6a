using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using IAToolkit.ApiKeys;
using IAToolkit.Companies;
using IAToolkit.Configuration;
using IAToolkit.Testing;
using IAToolkit.Testing.ScriptedLlm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>
/// One API key cannot run more than its share: parallel calls beyond the concurrency limit and calls beyond the rate get
/// 429 rate_limited with Retry-After, on every host sharing the Redis, while other keys carry on.
/// </summary>
[Category("Security")]
public sealed class CallerLimitsTests
{
    private const string Query = "/api/sample_company/llm_query";
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(6);

    [Test]
    public async Task LlmQuery_SixtyParallelCallsFromOneKey_OnlyTheConcurrencyLimitRunsAndTheRestGet429()
    {
        await using var host = await AssistantHost.StartAsync(Limits(concurrent: 4, perMinute: 1_000));
        for (var i = 0; i < 60; i++)
        {
            host.Llm.Enqueue(ScriptedReply.Delay(Slow, ScriptedReply.Text("ok")));
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => host.PostAsync(Query, new { question = $"Q{i}", user_identifier = $"user{i}@example.com" })));

        try
        {
            Assert.That(host.Llm.MaxConcurrentChatRequests, Is.EqualTo(4), "the provider never saw more than the limit at once");
            var ok = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
            var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
            Assert.That(ok + limited.Count, Is.EqualTo(60));
            Assert.That(ok, Is.InRange(4, 8), "4 at once; at most a few more once the first ones finished");
            Assert.That(host.Llm.ChatRequests, Has.Count.EqualTo(ok), "refused calls never reached the provider");
            foreach (var response in limited)
            {
                Assert.That(response.Headers.RetryAfter?.Delta, Is.Not.Null.And.GreaterThan(TimeSpan.Zero));
                var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.TooManyRequests, "rate_limited");
                Assert.That(detail, Does.Contain("4"));
            }
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Test]
    public async Task LlmQuery_StreamedCallsFromOneKey_CountTowardsTheSameLimit()
    {
        await using var host = await AssistantHost.StartAsync(Limits(concurrent: 2, perMinute: 1_000));
        for (var i = 0; i < 6; i++)
        {
            host.Llm.Enqueue(ScriptedReply.Delay(Slow, ScriptedReply.Text("ok")));
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => host.PostAsync(Query, new { question = "Q", user_identifier = "sse@example.com" }, i % 2 == 0 ? "text/event-stream" : null)));

        Assert.That(host.Llm.MaxConcurrentChatRequests, Is.EqualTo(2));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests), Is.GreaterThanOrEqualTo(3));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Test]
    public async Task LlmQuery_TwoHostsOnOneRedis_ShareTheConcurrencyLimitOfAKey()
    {
        var settings = Limits(concurrent: 2, perMinute: 1_000);
        settings["IAToolkit:Redis:KeyPrefix"] = $"iat-test-shared-{Guid.NewGuid():N}:";
        await using var first = await AssistantHost.StartAsync(settings);
        await using var second = await AssistantHost.StartAsync(settings);
        second.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", first.Key);
        foreach (var host in new[] { first, second })
        {
            for (var i = 0; i < 5; i++)
            {
                host.Llm.Enqueue(ScriptedReply.Delay(Slow, ScriptedReply.Text("ok")));
            }
        }

        var calls = Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? first : second).PostAsync(Query, new { question = "Q", user_identifier = "shared@example.com" }));
        var responses = await Task.WhenAll(calls);

        var reached = first.Llm.ChatRequests.Count + second.Llm.ChatRequests.Count;
        Assert.That(reached, Is.InRange(2, 4), "the two hosts together let 2 run at once");
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests), Is.EqualTo(10 - reached));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Test]
    public async Task LlmQuery_OneKeyAtItsLimit_AnotherKeyIsUnaffected()
    {
        await using var host = await AssistantHost.StartAsync(Limits(concurrent: 1, perMinute: 1_000));
        host.Llm.Enqueue(ScriptedReply.Delay(Slow, ScriptedReply.Text("slow")), ScriptedReply.Text("other key"));
        using var otherKey = await ClientWithNewKeyAsync(host);

        var busy = host.PostAsync(Query, new { question = "Slow", user_identifier = "a@example.com" });
        await WaitUntilAsync(() => host.Llm.ChatRequests.Count == 1);
        using var sameKey = await host.PostAsync(Query, new { question = "Again", user_identifier = "another-user@example.com" });
        using var other = await otherKey.PostAsJsonAsync(Query, new { question = "Mine", user_identifier = "b@example.com" });

        await ApiAccessTests.AssertProblemAsync(sameKey, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a different key has its own slots");
        using var first = await busy;
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task LlmQuery_SlotIsGivenBackWhenACallEnds_EvenWhenItFailed()
    {
        await using var host = await AssistantHost.StartAsync(Limits(concurrent: 1, perMinute: 1_000));
        host.Llm.Enqueue(ScriptedReply.Error(500, "down"), ScriptedReply.Text("fine"), ScriptedReply.Text("fine again"));

        using var failed = await host.PostAsync(Query, new { question = "1", user_identifier = "u@example.com" });
        using var second = await host.PostAsync(Query, new { question = "2", user_identifier = "u@example.com" });
        using var third = await host.PostAsync(Query, new { question = "3", user_identifier = "u@example.com" }, "text/event-stream");

        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task LlmQuery_MoreThanThePerMinuteRate_Gets429WithRetryAfterWhatever_TheUserIdentifier()
    {
        await using var host = await AssistantHost.StartAsync(Limits(concurrent: 4, perMinute: 3));
        host.Llm.Enqueue(ScriptedReply.Text("1"), ScriptedReply.Text("2"), ScriptedReply.Text("3"), ScriptedReply.Text("other"));
        using var otherKey = await ClientWithNewKeyAsync(host);

        for (var i = 0; i < 3; i++)
        {
            using var ok = await host.PostAsync(Query, new { question = "Q", user_identifier = $"rotating-{i}@example.com" });
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var fourth = await host.PostAsync(Query, new { question = "Q", user_identifier = "yet-another@example.com" });
        using var other = await otherKey.PostAsJsonAsync(Query, new { question = "Q", user_identifier = "x@example.com" });

        var detail = await ApiAccessTests.AssertProblemAsync(fourth, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.That(detail, Does.Contain("3 questions a minute per API key"));
        Assert.That(fourth.Headers.RetryAfter?.Delta, Is.Not.Null.And.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(61)));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Embedding_MoreThanThePerMinuteRate_Gets429()
    {
        await using var host = await AssistantHost.StartAsync(new Dictionary<string, string?> { ["IAToolkit:Limits:EmbeddingsPerMinute"] = "2" });

        // Empty texts are refused by the endpoint without running the model, and still count: the limit comes first.
        for (var i = 0; i < 2; i++)
        {
            using var refused = await host.PostAsync("/api/sample_company/embedding", new { text = string.Empty });
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        using var third = await host.PostAsync("/sample_company/api/embedding", new { text = "hello" });

        var detail = await ApiAccessTests.AssertProblemAsync(third, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.That(detail, Does.Contain("embeddings"));
    }

    [Test]
    public async Task FileStore_MoreThanThePerMinuteRate_Gets429()
    {
        await using var host = await AssistantHost.StartAsync(new Dictionary<string, string?> { ["IAToolkit:Limits:FileStorePerMinute"] = "1" });

        using var first = await StoreAsync(host.Client, "a.txt");
        using var second = await StoreAsync(host.Client, "b.txt");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ApiAccessTests.AssertProblemAsync(second, HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [TestCase("IAToolkit:Limits:ConcurrentQueries", "0")]
    [TestCase("IAToolkit:Limits:QueriesPerMinute", "-5")]
    [TestCase("IAToolkit:Limits:LeaseLifetime", "00:00:05")]
    public void Host_InvalidLimit_IsRefusedAtStartNamingTheSetting(string key, string value)
    {
        var builder = TestHost.CreateBuilder(AppContext.BaseDirectory, SampleAssistantFixture.Core.Uri, settings: new Dictionary<string, string?> { [key] = value });
        builder.AddIAToolkitCore();
        using var host = builder.Build();

        Assert.That(() => host.Services.GetRequiredService<IOptions<LimitsOptions>>().Value, Throws.InstanceOf<OptionsValidationException>().With.Message.Contain(key));
    }

    private static Dictionary<string, string?> Limits(int concurrent, int perMinute) => new()
    {
        ["IAToolkit:Limits:ConcurrentQueries"] = concurrent.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["IAToolkit:Limits:QueriesPerMinute"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<HttpClient> ClientWithNewKeyAsync(AssistantHost host)
    {
        var company = host.Services.GetRequiredService<ICompanyCatalog>().GetRequired("sample_company");
        var key = await host.Services.GetRequiredService<ApiKeyStore>().CreateAsync(company, "second", CancellationToken.None);
        return host.CreateClient(key.Key);
    }

    private static async Task<HttpResponseMessage> StoreAsync(HttpClient client, string name)
    {
        // An API key stores a file for one user (the token is bound to that user).
        using var form = new MultipartFormDataContent { { new ByteArrayContent("Some notes."u8.ToArray()), "file", name }, { new StringContent("ana@example.com"), "user_identifier" } };
        return await client.PostAsync(new Uri("/api/sample_company/file-store", UriKind.Relative), form);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.That(condition(), Is.True, "timed out waiting");
    }
}
