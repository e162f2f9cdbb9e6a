using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using IAToolkit.ApiKeys;
using IAToolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.AspNet.Tests;

/// <summary>
/// A revoked key is refused on every host at once, although each host trusts a key it has checked for a while
/// (<c>IAToolkit:ApiKeys:CacheLifetime</c>, a minute here so that only the revocation message can explain a refusal).
/// </summary>
public sealed class ApiKeyRevocationTests : DatabaseTest
{
    [Test]
    public async Task Api_KeyInUseRevokedOnThisHost_Returns401AtOnce()
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri, Settings($"iat-test-{Guid.NewGuid():N}:"));
        using var client = host.Client();
        var key = await host.CreateKeyAsync("acme");
        using (var before = await GetPromptsAsync(client, key))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await host.Services.GetRequiredService<ApiKeyStore>().RevokeAsync(host.Company("acme"), key[..12], CancellationToken.None);
        using var after = await GetPromptsAsync(client, key);

        var detail = await ApiAccessTests.AssertProblemAsync(after, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.That(detail, Does.Contain("not valid or has been revoked"));
    }

    [Test]
    public async Task Api_KeyInUseOnOneHostRevokedOnAnother_Returns401ThereWithinTwoSeconds()
    {
        var settings = Settings($"iat-test-{Guid.NewGuid():N}:");
        await using var serving = await TwoCompanyHost.StartAsync(Database.Uri, settings);
        await using var revoking = await TwoCompanyHost.StartAsync(Database.Uri, settings);
        using var client = serving.Client();
        var key = await revoking.CreateKeyAsync("acme");
        using (var before = await GetPromptsAsync(client, key))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await serving.Services.GetRequiredService<ApiKeyRevocationChannel>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
        await revoking.Services.GetRequiredService<ApiKeyStore>().RevokeAsync(revoking.Company("acme"), key[..12], CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var response = await GetPromptsAsync(client, key);
        while (response.StatusCode == HttpStatusCode.OK && watch.Elapsed < TimeSpan.FromSeconds(2))
        {
            response.Dispose();
            await Task.Delay(20);
            response = await GetPromptsAsync(client, key);
        }

        using (response)
        {
            var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
            Assert.That(detail, Does.Contain("not valid or has been revoked"));
        }
    }

    private static Dictionary<string, string?> Settings(string redisPrefix) => new()
    {
        ["IAToolkit:ApiKeys:CacheLifetime"] = "00:01:00",
        ["IAToolkit:Redis:KeyPrefix"] = redisPrefix,
    };

    private static async Task<HttpResponseMessage> GetPromptsAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/acme/prompts");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await client.SendAsync(request);
    }
}
