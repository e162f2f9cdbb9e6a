using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>Walks a DOCX body in document order and writes its blocks into <see cref="DocxPages"/>.</summary>
internal sealed class DocxBodyWalker
{
    private readonly IReadOnlyDictionary<string, DocxStyle> _styles;
    private readonly ParseBudget _budget;

    public DocxBodyWalker(IReadOnlyDictionary<string, DocxStyle> styles, ParseBudget budget)
    {
        _styles = styles;
        _budget = budget;
        Pages = new DocxPages(budget);
    }

    public DocxPages Pages { get; }

    public void Walk(OpenXmlElement container)
    {
        foreach (var element in container.ChildElements)
        {
            _budget.Check();
            switch (element)
            {
                case Paragraph paragraph:
                    WriteParagraph(paragraph);
                    break;
                case Table table:
                    WriteTable(table);
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is not null:
                    Walk(sdt.SdtContentBlock);
                    break;
                case CustomXmlBlock custom:
                    Walk(custom);
                    break;
            }
        }
    }

    private void WriteParagraph(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        if (properties?.PageBreakBefore is { } before && (before.Val is null || before.Val.Value))
        {
            Pages.Break(rendered: true);
        }

        var style = properties?.ParagraphStyleId?.Val?.Value is { } id && _styles.TryGetValue(id, out var s) ? s : default;
        var heading = properties?.OutlineLevel?.Val?.Value is int outline and < 9 ? outline + 1 : style.HeadingLevel;
        var listItem = heading == 0 && (style.IsListItem || properties?.NumberingProperties?.NumberingId?.Val?.Value > 0);
        var prefix = heading > 0 ? new string('#', heading) + " " : listItem ? "- " : string.Empty;

        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar or PositionalTab:
                    text.Append(' ');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
                case CarriageReturn:
                    text.Append('\n');
                    break;
                case Break br when br.Type?.Value == BreakValues.Page:
                case LastRenderedPageBreak:
                    // The part of the paragraph before the break belongs to the page it ends.
                    AddParagraph(prefix, text, listItem);
                    prefix = string.Empty;
                    Pages.Break(rendered: element is LastRenderedPageBreak);
                    break;
                case Break:
                    text.Append('\n');
                    break;
            }
        }

        AddParagraph(prefix, text, listItem);
    }

    private void AddParagraph(string prefix, StringBuilder text, bool listItem)
    {
        if (!string.IsNullOrWhiteSpace(text.ToString()))
        {
            Pages.Add(prefix + text.ToString().Trim(), listItem);
        }

        text.Clear();
    }

    private void WriteTable(Table table)
    {
        var rows = new List<string>();
        foreach (var row in table.Descendants<TableRow>().Where(r => r.Ancestors<Table>().First() == table))
        {
            if (PageBreakIn(row) is { } rendered)
            {
                Pages.Add(string.Join('\n', rows));
                rows.Clear();
                Pages.Break(rendered);
            }

            var cells = row.Descendants<TableCell>()
                .Where(c => c.Ancestors<TableRow>().First() == row)
                .Select(CellText)
                .ToList();
            if (cells.Exists(c => c.Length > 0))
            {
                rows.Add(string.Join(" | ", cells));
            }
        }

        Pages.Add(string.Join('\n', rows));
    }

    /// <summary>Null when the row has no page break; otherwise whether the break is only a rendered one.</summary>
    private static bool? PageBreakIn(TableRow row)
    {
        if (row.Descendants<Break>().Any(b => b.Type?.Value == BreakValues.Page))
        {
            return false;
        }

        return row.Descendants<LastRenderedPageBreak>().Any() ? true : null;
    }

    private static string CellText(TableCell cell)
    {
        var text = new StringBuilder();
        foreach (var element in cell.Descendants())
        {
            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
                case Paragraph or TabChar or PositionalTab or Break or CarriageReturn:
                    text.Append(' ');
                    break;
            }
        }

        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace("|", "\\|", StringComparison.Ordinal);
    }
}
