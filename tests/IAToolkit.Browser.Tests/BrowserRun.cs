using Microsoft.Playwright;

namespace IAToolkit.Browser.Tests;

/// <summary>
/// Once for the whole run: one Chromium and one sample site (host process, databases, scripted LLM). Each test opens
/// its own browser context (cookies, storage), which is cheap; a browser or a host per test would not fit in CI's time.
/// </summary>
[SetUpFixture]
public sealed class BrowserRun
{
    private static IPlaywright? s_playwright;
    private static IBrowser? s_browser;
    private static SampleSite? s_site;

    internal static IBrowser Browser => s_browser ?? throw new InvalidOperationException("Launched in OneTimeSetUp.");

    internal static SampleSite Site => s_site ?? throw new InvalidOperationException("Started in OneTimeSetUp.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var path = Chromium.RequirePath();
        // A busy 2-core CI machine renders slower than a laptop; a page that takes longer than this is broken anyway.
        Assertions.SetDefaultExpectTimeout(10_000);
        // The site first: it is the slow part, and it fails or is ignored on its own when a service is missing.
        s_site = await SampleSite.StartAsync();
        s_playwright = await Playwright.CreateAsync();
        s_browser = await s_playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = Chromium.LaunchArguments,
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (s_browser is not null)
        {
            await s_browser.CloseAsync();
        }

        s_playwright?.Dispose();
        if (s_site is not null)
        {
            await s_site.DisposeAsync();
        }
    }
}
