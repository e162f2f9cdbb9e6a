using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// How a spreadsheet cell's number is meant to be read, from its style's number format: a date, a time, both, a
/// percentage, or a plain number. Only the kind matters; the text is always written invariantly (ISO dates).
/// </summary>
internal readonly record struct XlsxNumberFormat(bool Date, bool Time, bool Seconds, bool Percent)
{
    public static XlsxNumberFormat Number => default;

    /// <summary>The format of each cell style (the cell's <c>s</c> attribute indexes the list).</summary>
    public static IReadOnlyList<XlsxNumberFormat> ReadAll(WorkbookStylesPart? part)
    {
        var stylesheet = part?.Stylesheet;
        if (stylesheet?.CellFormats is null)
        {
            return [];
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? string.Empty)
            ?? [];
        return stylesheet.CellFormats.Elements<CellFormat>()
            .Select(f => For(f.NumberFormatId?.Value ?? 0, custom))
            .ToList();
    }

    private static XlsxNumberFormat For(uint id, Dictionary<uint, string> custom)
    {
        if (custom.TryGetValue(id, out var code))
        {
            return FromCode(code);
        }

        return id switch
        {
            9 or 10 => new(false, false, false, true),
            14 or 15 or 16 or 17 or (>= 27 and <= 31) or 34 or 35 or 36 or (>= 50 and <= 58) => new(true, false, false, false),
            22 => new(true, true, false, false),
            18 or 20 or 32 => new(false, true, false, false),
            19 or 21 or 33 or 45 or 46 or 47 => new(false, true, true, false),
            _ => Number,
        };
    }

    /// <summary>Reads a custom format code's first section, ignoring quoted text, escapes, fills and colors.</summary>
    public static XlsxNumberFormat FromCode(string code)
    {
        var tokens = new StringBuilder();
        var section = code.Split(';')[0];
        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            switch (c)
            {
                case '"':
                    i = section.IndexOf('"', i + 1) is var close and >= 0 ? close : section.Length;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    var end = section.IndexOf(']', i + 1);
                    var inside = end < 0 ? string.Empty : section[(i + 1)..end].ToLowerInvariant();
                    // [h], [mm], [ss] are elapsed time; [Red], [$-409], [>=100] are not part of the pattern.
                    tokens.Append(inside.Length > 0 && inside.All(ch => ch is 'h' or 'm' or 's') ? inside : string.Empty);
                    i = end < 0 ? section.Length : end;
                    break;
                default:
                    tokens.Append(char.ToLowerInvariant(c));
                    break;
            }
        }

        var pattern = tokens.ToString();
        var hasTime = pattern.Contains('h') || pattern.Contains('s') || pattern.Contains("am/pm", StringComparison.Ordinal);
        var hasDate = pattern.Contains('y') || pattern.Contains('d') || (pattern.Contains('m') && !hasTime);
        var percent = !hasDate && !hasTime && pattern.Contains('%');
        return new XlsxNumberFormat(hasDate, hasTime, pattern.Contains('s'), percent);
    }
}
