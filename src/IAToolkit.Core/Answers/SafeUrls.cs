namespace IAToolkit.Answers;

/// <summary>The addresses an answer may link to, checked the way a browser reads them (case, blanks and control characters ignored).</summary>
internal static class SafeUrls
{
    private static readonly char[] LeadingControls = [.. Enumerable.Range(0, 0x21).Select(i => (char)i)];

    /// <summary>Whether the address is http(s), mailto, or relative (a path, query or fragment with no scheme).</summary>
    public static bool IsAllowedLink(string url)
    {
        var normalized = Normalize(url);
        return IsRelative(normalized)
            || normalized.StartsWith("http:", StringComparison.OrdinalIgnoreCase)
            || normalized.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
            || normalized.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether the link leaves the site: absolute http(s) or protocol-relative (<c>//host/…</c>).</summary>
    public static bool IsExternal(string url)
    {
        var normalized = Normalize(url);
        return normalized.StartsWith("//", StringComparison.Ordinal)
            || normalized.StartsWith(@"\\", StringComparison.Ordinal)
            || normalized.StartsWith("http:", StringComparison.OrdinalIgnoreCase)
            || normalized.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The host of an absolute https address, or <see langword="null"/> when the address is anything else.</summary>
    public static string? HttpsHost(string url)
        => Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.IdnHost : null;

    // Browsers drop ASCII tabs and newlines anywhere in a URL and leading C0 controls and spaces, so "java\tscript:"
    // is "javascript:"; the check looks at the address the same way.
    private static string Normalize(string url)
        => new([.. url.TrimStart(LeadingControls).Where(c => c is not ('\t' or '\n' or '\r'))]);

    // A scheme is letters, digits, "+", "-" or "." before the first ":"; a ":" after "/", "?" or "#" is part of a path.
    private static bool IsRelative(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        var firstDelimiter = url.IndexOfAny(['/', '?', '#']);
        return firstDelimiter >= 0 && firstDelimiter < colon;
    }
}
