using Microsoft.Playwright;
using NUnit.Framework.Interfaces;

namespace IAToolkit.Browser.Tests;

/// <summary>
/// A test in a fresh browser context (its own cookies and storage) on the shared Chromium and site. It records what a
/// user could notice besides the page itself: dialogs (dismissed), script errors, and console errors such as a
/// content security policy violation.
/// </summary>
public abstract class BrowserTest
{
    private readonly List<string> _console = [];
    private IBrowserContext? _context;
    private IPage? _page;
    private StepShots? _shots;

    /// <summary>The page of this test.</summary>
    protected IPage Page => _page ?? throw new InvalidOperationException("Opened in SetUp.");

    protected IBrowserContext Context => _context ?? throw new InvalidOperationException("Opened in SetUp.");

    internal static SampleSite Site => BrowserRun.Site;

    /// <summary>The messages of the dialogs (alert, confirm, prompt) the page opened; each was dismissed.</summary>
    protected List<string> Dialogs { get; } = [];

    /// <summary>Uncaught script errors and console errors, in order.</summary>
    protected IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_console)
            {
                return [.. _console];
            }
        }
    }

    /// <summary>The browser's language (Accept-Language and navigator.language).</summary>
    protected virtual string Locale => "en-US";

    [SetUp]
    public async Task OpenContextAsync()
    {
        // NUnit runs every test of a fixture on one instance: what the last test recorded goes.
        Site.Llm.DiscardRemainingReplies();
        Dialogs.Clear();
        lock (_console)
        {
            _console.Clear();
        }

        _shots = new StepShots();
        _context = await BrowserRun.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Site.BaseAddress.ToString(),
            Locale = Locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            ColorScheme = ColorScheme.Light,
        });
        _context.SetDefaultTimeout(15_000);
        // Says where a content security policy violation came from (the console message alone does not).
        await _context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e => console.error(
                `CSP violation: ${e.violatedDirective} by ${e.sourceFile || e.documentURI}:${e.lineNumber}:${e.columnNumber}, sample "${e.sample}", blocked ${e.blockedURI}`));
            """);
        _page = await _context.NewPageAsync();
        _page.Dialog += async (_, dialog) =>
        {
            lock (Dialogs)
            {
                Dialogs.Add($"{dialog.Type}: {dialog.Message}");
            }

            await dialog.DismissAsync();
        };
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_console)
                {
                    _console.Add($"{message.Text} ({message.Location})");
                }
            }
        };
        _page.PageError += (_, error) =>
        {
            lock (_console)
            {
                _console.Add("uncaught: " + error);
            }
        };
    }

    [TearDown]
    public async Task CloseContextAsync()
    {
        var failed = TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed;
        if (failed && _page is not null && _shots is not null)
        {
            try
            {
                await _shots.TakeAsync(_page, "failure");
            }
            catch (PlaywrightException)
            {
                // The page may be gone; the log below still helps.
            }

            _shots.Attach("host.log", Site.Host.Output + Site.Host.Error);
            _shots.Attach("console.log", string.Join(Environment.NewLine, ConsoleErrors));
        }

        if (_context is not null)
        {
            await _context.CloseAsync();
        }
    }

    /// <summary>Screenshot of the current step, written under the test results.</summary>
    protected Task StepAsync(string step, bool fullPage = true) => _shots!.TakeAsync(Page, step, fullPage);

    /// <summary>Fails when the page broke its content security policy or threw (what a user sees as a broken feature).</summary>
    protected void AssertNoScriptErrors()
    {
        var errors = ConsoleErrors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || e.StartsWith("CSP violation", StringComparison.Ordinal) || e.StartsWith("uncaught:", StringComparison.Ordinal)).ToList();
        Assert.That(errors, Is.Empty, "script errors or CSP violations:\n" + string.Join("\n", errors));
    }
}
