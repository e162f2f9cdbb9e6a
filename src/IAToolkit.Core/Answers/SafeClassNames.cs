namespace IAToolkit.Answers;

/// <summary>
/// Which <c>class</c> names an answer keeps. Format prompts ask for Bootstrap classes (<c>table table-striped</c>,
/// <c>text-end</c>, <c>nowrap</c>), so plain names stay; names that could lift an answer out of its bubble (fixed or
/// absolute positioning, modals, full-screen sizes) or dress it as the page's own chrome (<c>iat-*</c>) do not, so an
/// answer cannot draw a fake login box over the page.
/// </summary>
internal static class SafeClassNames
{
    private const int MaxLength = 64;

    private static readonly string[] RefusedPrefixes =
    [
        "iat-", "position-", "fixed-", "sticky-", "modal", "offcanvas", "toast", "popover", "tooltip", "stretched-link",
        "z-", "vh-", "vw-", "min-vh-", "min-vw-", "top-", "bottom-", "start-", "end-", "translate-",
    ];

    /// <summary>Whether one class name may stay on an element of an answer.</summary>
    public static bool IsAllowed(string name)
    {
        if (name.Length is 0 or > MaxLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        foreach (var prefix in RefusedPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
