using System.Net;
using IAToolkit.Configuration;
using IAToolkit.Identity;
using IAToolkit.Redis;
using IAToolkit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static IAToolkit.AspNet.Tests.Sessions.SampleAccounts;

namespace IAToolkit.AspNet.Tests.Sessions;

/// <summary>Password guessing against one account from many addresses: the account waits, the addresses do not, and nothing tells whether it exists.</summary>
[Category("Security")]
public sealed class LoginBackoffTests : DatabaseTest
{
    private const string WrongPassword = "Wrong!pass1";

    [Test]
    public async Task Login_FailuresFromManyAddresses_MakeTheAccountWait()
    {
        await using var host = new SampleHostFactory(Database.Uri, FastBackoff());
        await using var factory = WithClientAddresses(host);
        using var setup = Browser(factory, "10.0.0.1");
        await SignUpAsync(setup, "quinn@example.com");
        await SignUpAsync(setup, "rae@example.com");

        var failures = new List<HttpStatusCode>();
        for (var i = 1; i <= 5; i++)
        {
            using var attacker = Browser(factory, $"10.0.1.{i}");
            failures.Add((await LoginAsync(attacker, "quinn@example.com", WrongPassword)).Status);
        }

        using var owner = Browser(factory, "10.0.2.1");
        var rightPasswordWhileWaiting = await LoginAsync(owner, "quinn@example.com");
        using var neighbor = Browser(factory, "10.0.1.5");
        var otherAccountSameAddress = await LoginAsync(neighbor, "rae@example.com");

        Assert.That(failures, Has.All.EqualTo(HttpStatusCode.BadRequest), "five free attempts, each from another address");
        Assert.That(rightPasswordWhileWaiting.Status, Is.EqualTo(HttpStatusCode.TooManyRequests), "even the right password waits: the password is not checked");
        Assert.That(rightPasswordWhileWaiting.Text, Does.Contain("Too many failed sign-ins for this address"));
        Assert.That(otherAccountSameAddress.Location, Is.EqualTo("/sample_company/chat"), "the addresses themselves are not locked");

        var afterWait = await RetryUntilAsync(() => LoginAsync(owner, "quinn@example.com"), r => r.Status != HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(10));
        Assert.That(afterWait.Location, Is.EqualTo("/sample_company/chat"), "after the wait the owner gets in");
        using var later = Browser(factory, "10.0.3.1");
        Assert.That((await LoginAsync(later, "quinn@example.com", WrongPassword)).Status, Is.EqualTo(HttpStatusCode.BadRequest), "a success forgets the failures");
    }

    [Test]
    public async Task Login_UnknownAddress_WaitsExactlyLikeAKnownOne()
    {
        await using var host = new SampleHostFactory(Database.Uri, FastBackoff());
        await using var factory = WithClientAddresses(host);
        using var setup = Browser(factory, "10.0.0.1");
        await SignUpAsync(setup, "sid@example.com");

        var known = await AttemptsAsync(factory, "sid@example.com", "10.1.0");
        var unknown = await AttemptsAsync(factory, "ghost@example.com", "10.2.0");

        Assert.That(unknown.Select(r => r.Status), Is.EqualTo(known.Select(r => r.Status)));
        Assert.That(known[^1].Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(unknown.Select(r => r.Text.Replace("ghost@example.com", "{email}", StringComparison.Ordinal)), Is.EqualTo(known.Select(r => r.Text.Replace("sid@example.com", "{email}", StringComparison.Ordinal))));
    }

    [Test]
    public async Task SignUp_RightPasswordOfALockedAccount_DoesNotJoinAndDoesNotReset()
    {
        // Sign-up with an existing address and its password joins the account to the company: it must not be a way
        // around the wait (nor a password oracle).
        await using var host = new SampleHostFactory(Database.Uri, FastBackoff(seconds: 60));
        await using var factory = WithClientAddresses(host);
        using var setup = Browser(factory, "10.0.0.1");
        await SignUpAsync(setup, "tia@example.com");
        for (var i = 1; i <= 5; i++)
        {
            using var attacker = Browser(factory, $"10.3.0.{i}");
            await SignUpAsync(attacker, "tia@example.com", $"Guess!{i}pass");
        }

        using var owner = Browser(factory, "10.3.1.1");
        var login = await LoginAsync(owner, "tia@example.com");
        var signUp = await SignUpAsync(owner, "tia@example.com");

        Assert.That(login.Status, Is.EqualTo(HttpStatusCode.TooManyRequests), "wrong passwords through the sign-up form count");
        Assert.That(signUp.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(signUp.Text, Does.Contain("Your account is ready").And.Not.Contain("also has access"), "the same answer as for a new address, no password check");
    }

    [Test]
    public async Task Backoff_EachFailurePastTheFreeOnes_DoublesTheWaitUpToTheMaximum()
    {
        var redis = new RedisConnection(Options.Create(new RedisOptions { Url = TestServices.RedisUrl, KeyPrefix = $"iat-test-{Guid.NewGuid():N}:" }));
        await using var dispose = redis;
        var backoff = new LoginBackoff(redis, Options.Create(new SecurityOptions { LoginBackoffFreeAttempts = 3, LoginBackoffStart = TimeSpan.FromSeconds(10), LoginBackoffMax = TimeSpan.FromSeconds(35) }));
        var waits = new List<TimeSpan?>();
        for (var i = 0; i < 6; i++)
        {
            await backoff.RecordFailureAsync("uma@example.com");
            waits.Add(await backoff.WaitAsync("uma@example.com"));
        }

        await backoff.ResetAsync("uma@example.com");

        Assert.That(waits.Take(2), Has.All.Null);
        Assert.That(waits[2]!.Value.TotalSeconds, Is.InRange(8, 10));
        Assert.That(waits[3]!.Value.TotalSeconds, Is.InRange(18, 20));
        Assert.That(waits[4]!.Value.TotalSeconds, Is.InRange(33, 35), "40 s capped at 35 s");
        Assert.That(waits[5]!.Value.TotalSeconds, Is.InRange(33, 35));
        Assert.That(await backoff.WaitAsync("uma@example.com"), Is.Null, "a correct password forgets everything");
        Assert.That(await backoff.WaitAsync("UMA@example.com"), Is.Null);
    }

    private static async Task<List<PageResponse>> AttemptsAsync(WebApplicationFactory<Program> factory, string email, string network)
    {
        var responses = new List<PageResponse>();
        for (var i = 1; i <= 6; i++)
        {
            using var attacker = Browser(factory, $"{network}.{i}");
            responses.Add(await LoginAsync(attacker, email, WrongPassword));
        }

        return responses;
    }

    private static async Task<PageResponse> RetryUntilAsync(Func<Task<PageResponse>> attempt, Func<PageResponse, bool> done, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var response = await attempt();
            if (done(response) || DateTime.UtcNow > deadline)
            {
                return response;
            }

            await Task.Delay(500);
        }
    }

    private static Dictionary<string, string?> FastBackoff(int seconds = 2) => new()
    {
        ["IAToolkit:Security:LoginBackoffStart"] = TimeSpan.FromSeconds(seconds).ToString(),
        ["IAToolkit:Security:LoginBackoffMax"] = TimeSpan.FromSeconds(seconds * 2).ToString(),
    };

    private static WebApplicationFactory<Program> WithClientAddresses(SampleHostFactory host)
        => host.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressStartupFilter>()));

    private static BrowserSession Browser(WebApplicationFactory<Program> factory, string address)
    {
#pragma warning disable CA2000 // The client owns the handler.
        var client = factory.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(new CookieContainer()));
#pragma warning restore CA2000
        client.DefaultRequestHeaders.Add(ClientAddressStartupFilter.Header, address);
        return new BrowserSession(client);
    }
}
