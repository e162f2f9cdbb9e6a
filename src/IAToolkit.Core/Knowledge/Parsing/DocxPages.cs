using System.Text;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// Collects a DOCX's blocks into approximate pages. A DOCX stores no page numbers; a new page starts at an explicit
/// page break (<c>w:br w:type="page"</c>), and at a page break Word recorded when it last laid the document out
/// (<c>w:lastRenderedPageBreak</c>) or a paragraph that starts on a new page (<c>w:pageBreakBefore</c>) unless the
/// page has no text yet, because Word records those right after an explicit break too.
/// </summary>
internal sealed class DocxPages
{
    private readonly List<ParsedPage> _pages = [];
    private readonly StringBuilder _page = new();
    private readonly ParseBudget _budget;
    private bool _lastWasListItem;

    public DocxPages(ParseBudget budget)
    {
        _budget = budget;
    }

    /// <summary>Adds a paragraph, heading or table; consecutive list items stay on adjacent lines.</summary>
    public void Add(string block, bool listItem = false)
    {
        block = block.Trim();
        if (block.Length == 0)
        {
            return;
        }

        _budget.Characters(block.Length);

        if (_page.Length > 0)
        {
            _page.Append(listItem && _lastWasListItem ? "\n" : "\n\n");
        }

        _page.Append(block);
        _lastWasListItem = listItem;
    }

    /// <summary>Starts a new page; a <paramref name="rendered"/> break on a page without text yet is ignored.</summary>
    public void Break(bool rendered)
    {
        if (rendered && _page.Length == 0)
        {
            return;
        }

        _pages.Add(new ParsedPage(_pages.Count + 1, _page.ToString()));
        _page.Clear();
        _lastWasListItem = false;
    }

    /// <summary>The pages; a blank page left by a break at the very end is dropped.</summary>
    public IReadOnlyList<ParsedPage> Finish()
    {
        if (_page.Length > 0 || _pages.Count == 0)
        {
            Break(rendered: false);
        }

        return _pages;
    }
}
