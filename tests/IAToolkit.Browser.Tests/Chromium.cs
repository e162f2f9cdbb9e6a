using IAToolkit.Testing;

namespace IAToolkit.Browser.Tests;

/// <summary>
/// Debian's <c>chromium</c>, which <c>scripts/install.sh</c> installs: Playwright launches it through
/// <c>ExecutablePath</c>, so no browser is downloaded. Missing, it fails the tests under <c>CI=true</c> and has them
/// ignored otherwise, as <see cref="TestServices"/> does for a missing service.
/// </summary>
internal static class Chromium
{
    /// <summary>Where Debian installs it.</summary>
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>
    /// Headless in a root container: no sandbox (root cannot use it), no GPU, and nothing that would reach the network
    /// on its own (updates, sync, QUIC probes): the tests talk to 127.0.0.1 only.
    /// </summary>
    public static readonly string[] LaunchArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    /// <summary>The browser's path (<c>CHROMIUM_PATH</c>, else <see cref="DefaultPath"/>), or a failed/ignored test.</summary>
    public static string RequirePath()
    {
        var configured = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured;
        if (File.Exists(path))
        {
            return path;
        }

        var message = $"Chromium is not installed at {path} (CHROMIUM_PATH names another binary). scripts/install.sh installs "
            + "Debian's chromium: run the tests with ./dev test, or run ./dev services start once.";
        if (TestServices.IsCi)
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
        return path;
    }
}
