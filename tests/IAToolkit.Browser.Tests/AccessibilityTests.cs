using Deque.AxeCore.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IAToolkit.Browser.Tests;

/// <summary>
/// axe-core on the pages a person meets first: no serious or critical violation. The axe-core script is the npm
/// package's <c>axe.min.js</c> shipped inside the Deque.AxeCore NuGet packages, injected into the page by
/// <c>RunAxe</c>, so nothing is fetched at run time.
/// </summary>
public sealed class AccessibilityTests : BrowserTest
{
    private const string Company = SampleSite.Company;

    [Test]
    public async Task Home_Axe_NoSeriousOrCriticalViolation()
    {
        await Page.GotoAsync($"/{Company}/home");
        await StepAsync("home");

        await AssertAccessibleAsync("home");
    }

    [Test]
    public async Task SignIn_Axe_NoSeriousOrCriticalViolation()
    {
        await Page.GotoAsync($"/{Company}/login");
        await StepAsync("sign-in");

        await AssertAccessibleAsync("sign-in");
    }

    [Test]
    public async Task SignUp_Axe_NoSeriousOrCriticalViolation()
    {
        await Page.GotoAsync($"/{Company}/signup");
        await StepAsync("sign-up");

        await AssertAccessibleAsync("sign-up");
    }

    [Test]
    public async Task Chat_Axe_NoSeriousOrCriticalViolation()
    {
        await Page.GotoAsync(await Site.ExternalLoginLinkAsync("axe-" + Guid.NewGuid().ToString("N")[..8]));
        await Accounts.ExpectChatAsync(Page);
        await Expect(Page.Locator("#iat-question")).ToBeEditableAsync();
        await StepAsync("chat");

        await AssertAccessibleAsync("chat");
    }

    private async Task AssertAccessibleAsync(string page)
    {
        var result = await Page.RunAxe();
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        var report = string.Join(
            Environment.NewLine,
            result.Violations.SelectMany(v => v.Nodes.Select(n => $"- {v.Id} ({v.Impact}) at {n.Target}: {v.Help}. {string.Join(" ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}")));
        if (result.Violations.Length > 0)
        {
            TestContext.Out.WriteLine($"axe-core on {page}:{Environment.NewLine}{report}");
        }

        Assert.That(blocking, Is.Empty, $"axe-core found serious or critical violations on {page}:{Environment.NewLine}{report}");
    }
}
