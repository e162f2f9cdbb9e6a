using System.Net;
using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests;

/// <summary>Two hosts behind a load balancer: one Redis key ring, so either host accepts the other's cookies and forms.</summary>
public sealed class SharedSessionTests : DatabaseTest
{
    private const string Password = "Str0ng!pass";

    [Test]
    public async Task Session_IssuedByOneHost_IsAcceptedByTheOther()
    {
        var (hostA, hostB) = await StartTwoHostsAsync();
        using var disposeA = hostA;
        using var disposeB = hostB;
        using var onA = BrowserSession.For(hostA.BaseAddress!);
        using var onB = BrowserSession.For(hostB.BaseAddress!, onA.Cookies);

        await onA.SubmitAsync("/sample_company/signup", "/sample_company/signup", new Dictionary<string, string>
        {
            ["email"] = "lb@example.com", ["first_name"] = "Lee", ["last_name"] = "Bay", ["password"] = Password, ["confirm_password"] = Password,
        });
        var login = await onA.SubmitAsync("/sample_company/login", "/sample_company/login", new Dictionary<string, string> { ["email"] = "lb@example.com", ["password"] = Password });
        var chatOnB = await onB.GetAsync("/sample_company/chat");

        Assert.That(hostA.BaseAddress!.Port, Is.Not.EqualTo(hostB.BaseAddress!.Port));
        Assert.That(login.Location, Is.EqualTo("/sample_company/chat"));
        Assert.That(chatOnB.Status, Is.EqualTo(HttpStatusCode.OK), hostB.Output + hostB.Error);
        Assert.That(chatOnB.Text, Does.Contain("Signed in as Lee Bay"));
    }

    [Test]
    public async Task Form_RenderedByOneHost_IsAcceptedByTheOther()
    {
        var (hostA, hostB) = await StartTwoHostsAsync();
        using var disposeA = hostA;
        using var disposeB = hostB;
        using var onA = BrowserSession.For(hostA.BaseAddress!);
        using var onB = BrowserSession.For(hostB.BaseAddress!, onA.Cookies);

        // The sign-up form comes from A (its antiforgery token and cookie); the post goes to B.
        var formOnA = await onA.GetAsync("/sample_company/signup");
        var token = System.Text.RegularExpressions.Regex.Match(formOnA.Html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var posted = await onB.PostAsync("/sample_company/signup", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["email"] = "lb2@example.com", ["first_name"] = "Lee", ["last_name"] = "Bay", ["password"] = Password, ["confirm_password"] = Password,
        });

        Assert.That(posted.Status, Is.EqualTo(HttpStatusCode.OK), posted.Text);
        Assert.That(posted.Text, Does.Contain("Your account is ready"));
    }

    private async Task<(SampleHostProcess A, SampleHostProcess B)> StartTwoHostsAsync()
    {
        var (exit, output, error) = await SampleHostProcess.RunAsync(Database.Uri, null, "migrate");
        Assert.That(exit, Is.Zero, output + error);
        var environment = new Dictionary<string, string?>
        {
            ["IAToolkit__Security__SecureCookies"] = "false",
            ["IAToolkit__Redis__KeyPrefix"] = $"iat-test-{Guid.NewGuid():N}:",
        };
        var hostA = await SampleHostProcess.StartServingAsync(Database.Uri, environment);
        return (hostA, await SampleHostProcess.StartServingAsync(Database.Uri, environment));
    }
}
