using Microsoft.Playwright;

namespace IAToolkit.Browser.Tests;

/// <summary>
/// A screenshot of each step of a test, numbered in order, under the test's work directory and attached to the test
/// (<c>dotnet test --logger trx --results-directory R</c> copies them under R with the TRX file).
/// </summary>
internal sealed class StepShots
{
    private readonly string _folder;
    private int _count;

    public StepShots()
    {
        var test = TestContext.CurrentContext.Test;
        _folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots", Safe(test.ClassName ?? "tests"), Safe(test.Name));
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        Directory.CreateDirectory(_folder);
    }

    /// <summary>The folder the screenshots of this test go to.</summary>
    public string Folder => _folder;

    /// <summary>Saves what the page shows now as <c>NN-step.png</c> and attaches it to the test.</summary>
    public async Task<string> TakeAsync(IPage page, string step, bool fullPage = true)
    {
        var path = Path.Combine(_folder, $"{++_count:00}-{Safe(step)}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        TestContext.AddTestAttachment(path, step);
        return path;
    }

    /// <summary>Writes a text file beside the screenshots (a log, a console transcript) and attaches it.</summary>
    public string Attach(string name, string text)
    {
        var path = Path.Combine(_folder, Safe(name));
        File.WriteAllText(path, text);
        TestContext.AddTestAttachment(path, name);
        return path;
    }

    private static string Safe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var cleaned = new string(name.Select(c => invalid.Contains(c) || c is ' ' or '(' or ')' or '"' or ',' ? '-' : c).ToArray());
        return cleaned.Length > 80 ? cleaned[..80] : cleaned;
    }
}
