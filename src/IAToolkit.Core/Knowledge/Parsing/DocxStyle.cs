using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// What a DOCX paragraph style means for its text: a heading level (1–9, 0 for none) and whether it is a list item.
/// Read from the style definitions by the style's built-in name or outline level, because style ids are localised
/// (a Spanish Word names "heading 1" <c>Ttulo1</c>).
/// </summary>
internal readonly record struct DocxStyle(int HeadingLevel, bool IsListItem)
{
    private const int MaxBasedOnDepth = 10;

    public static IReadOnlyDictionary<string, DocxStyle> ReadAll(StyleDefinitionsPart? part)
    {
        var styles = part?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null && (s.Type is null || s.Type.Value == StyleValues.Paragraph))
            .GroupBy(s => s.StyleId!.Value!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)
            ?? [];
        return styles.ToDictionary(s => s.Key, s => Resolve(s.Value, styles), StringComparer.Ordinal);
    }

    private static DocxStyle Resolve(Style style, Dictionary<string, Style> styles)
    {
        var level = 0;
        var list = false;
        var current = style;
        for (var depth = 0; current is not null && depth < MaxBasedOnDepth; depth++)
        {
            level = level == 0 ? OwnHeadingLevel(current) : level;
            list |= current.StyleParagraphProperties?.NumberingProperties is not null;
            var basedOn = current.BasedOn?.Val?.Value;
            current = basedOn is not null && styles.TryGetValue(basedOn, out var parent) ? parent : null;
        }

        return new DocxStyle(level, list && level == 0);
    }

    private static int OwnHeadingLevel(Style style)
    {
        var name = style.StyleName?.Val?.Value ?? string.Empty;
        if (name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(name.AsSpan("heading ".Length), out var named) && named is >= 1 and <= 9)
        {
            return named;
        }

        if (name.Equals("Title", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        var outline = style.StyleParagraphProperties?.OutlineLevel?.Val?.Value;
        return outline is >= 0 and < 9 ? outline.Value + 1 : 0;
    }
}
