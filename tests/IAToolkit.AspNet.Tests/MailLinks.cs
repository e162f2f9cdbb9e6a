using System.Text.RegularExpressions;

namespace IAToolkit.AspNet.Tests;

/// <summary>What the account tests read from the mails the host sends: the link to follow, and a fresh address.</summary>
internal static partial class MailLinks
{
    /// <summary>The path and query of the first link in <paramref name="html"/> whose path starts with <paramref name="path"/>.</summary>
    public static string PathIn(string? html, string path)
    {
        var match = LinkPattern().Matches(html ?? string.Empty).Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath.StartsWith(path, StringComparison.Ordinal));
        Assert.That(match, Is.Not.Null, $"no {path} link in the mail:\n{html}");
        return match!.PathAndQuery;
    }

    /// <summary>An address no other test uses, so each test finds its own mail.</summary>
    public static string UniqueAddress(string tag) => $"{tag}-{Guid.NewGuid():N}@example.com";

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex LinkPattern();
}
