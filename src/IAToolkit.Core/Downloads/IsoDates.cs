using System.Globalization;
using System.Text.RegularExpressions;

namespace IAToolkit.Downloads;

/// <summary>
/// ISO 8601 dates (<c>2024-03-05</c>) and date-times (<c>2024-03-05T14:30:00</c>, with a space, fractions, <c>Z</c> or an
/// offset) as SQL results serialize them. Excel has no time zones: the clock time is kept as written.
/// </summary>
internal static partial class IsoDates
{
    // Excel counts days from 1900 and wrongly believes 1900 was a leap year, so earlier dates stay text.
    private static readonly DateTime FirstExcelDate = new(1900, 3, 1);

    /// <summary>Whether the text is one of those dates; <paramref name="hasTime"/> tells a date-time from a date.</summary>
    public static bool TryParse(string text, out DateTime value, out bool hasTime)
    {
        value = default;
        hasTime = false;
        var match = text.Length is >= 10 and <= 40 ? Shape().Match(text) : Match.Empty;
        if (!match.Success)
        {
            return false;
        }

        hasTime = match.Groups["time"].Success;
        var normalized = text.Replace(' ', 'T');
        var parsed = hasTime && match.Groups["zone"].Success
            ? DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out var offset) ? offset.DateTime : (DateTime?)null
            : DateTime.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? local : null;
        if (parsed is not { } date || date < FirstExcelDate)
        {
            return false;
        }

        value = date;
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?<time>[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(?<zone>Z|[+-]\d{2}:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
