using System.Globalization;

namespace IAToolkit.AspNet.Tests.Pages;

/// <summary>WCAG 2 contrast of two colors given as CSS (#rgb, #rrggbb, or var(--x) resolved through a set of variables).</summary>
internal static class ContrastRatio
{
    public static double Of(string foreground, string background, IReadOnlyDictionary<string, string> variables)
    {
        var (l1, l2) = (Luminance(Resolve(foreground, variables)), Luminance(Resolve(background, variables)));
        return (Math.Max(l1, l2) + 0.05) / (Math.Min(l1, l2) + 0.05);
    }

    public static string Resolve(string value, IReadOnlyDictionary<string, string> variables)
    {
        var current = value.Trim();
        for (var depth = 0; current.StartsWith("var(", StringComparison.Ordinal) && depth < 10; depth++)
        {
            current = variables[current[4..^1].Trim()].Trim();
        }

        return current;
    }

    private static double Luminance(string color)
    {
        var hex = color.TrimStart('#');
        if (hex.Length == 3)
        {
            hex = string.Concat(hex.Select(c => $"{c}{c}"));
        }

        if (hex.Length != 6)
        {
            throw new FormatException($"'{color}' is not a #rgb or #rrggbb color.");
        }

        double Channel(int index)
        {
            var c = int.Parse(hex.AsSpan(index, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(2)) + (0.0722 * Channel(4));
    }
}
