using System.Security.Cryptography;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace SampleCompany.SampleData.Documents;

/// <summary>
/// Lays a <see cref="DocumentOutline"/> out on A4 pages with PdfPig: Helvetica text (a real text layer, no embedded
/// font, so each file is a few KB), wrapped to the margins, with a running footer and page numbers.
/// </summary>
internal sealed class PdfOutlineRenderer : IDisposable
{
    private const double Left = 64;
    private const double Right = 595 - 64;
    private const double Top = 842 - 72;
    private const double Bottom = 72;
    private const double BodySize = 10;
    private const double BodyLeading = 13.5;

    private readonly PdfDocumentBuilder _builder = new();
    private readonly PdfDocumentBuilder.AddedFont _regular;
    private readonly PdfDocumentBuilder.AddedFont _bold;
    private readonly List<PdfPageBuilder> _pages = [];
    private double _y;

    private PdfOutlineRenderer()
    {
        _regular = _builder.AddStandard14Font(Standard14Font.Helvetica);
        _bold = _builder.AddStandard14Font(Standard14Font.HelveticaBold);
    }

    private PdfPageBuilder Page => _pages[^1];

    public static byte[] Render(DocumentOutline outline)
    {
        using var renderer = new PdfOutlineRenderer();
        renderer.Write(outline);
        return renderer.Build(outline);
    }

    public void Dispose() => _builder.Dispose();

    private void Write(DocumentOutline outline)
    {
        NewPage();
        Line(PlainText.Fold(outline.Title.ToUpperInvariant()), _bold, 15, 22);
        _y -= 4;
        foreach (var line in outline.HeaderLines)
        {
            Paragraph(line, _regular, BodySize, Left);
        }

        for (var i = 0; i < outline.Sections.Count; i++)
        {
            var section = outline.Sections[i];
            // Keep a heading with at least three lines of its first paragraph.
            if (_y - 10 - (4 * BodyLeading) < Bottom)
            {
                NewPage();
            }

            _y -= 8;
            Line($"{i + 1}. {PlainText.Fold(section.Heading)}", _bold, 11, 16);
            foreach (var paragraph in section.Paragraphs)
            {
                if (paragraph.StartsWith("- ", StringComparison.Ordinal))
                {
                    Paragraph(paragraph[2..], _regular, BodySize, Left + 14, marker: "-");
                }
                else
                {
                    Paragraph(paragraph, _regular, BodySize, Left);
                }
            }
        }

        // The closing block (signatures) stays together on one page.
        _y -= 14;
        if (_y - (outline.ClosingLines.Count * 2 * BodyLeading) < Bottom)
        {
            NewPage();
        }

        foreach (var line in outline.ClosingLines)
        {
            Paragraph(line, _regular, BodySize, Left);
        }
    }

    private byte[] Build(DocumentOutline outline)
    {
        for (var i = 0; i < _pages.Count; i++)
        {
            var footer = $"{PlainText.Fold(outline.Footer)} - page {i + 1} of {_pages.Count}";
            _pages[i].AddText(footer, 8, new PdfPoint(Left, 40), _regular);
        }

        _builder.DocumentInformation.Title = PlainText.Fold(outline.Title);
        _builder.DocumentInformation.Author = PlainText.Fold(outline.Author);
        _builder.DocumentInformation.Creator = "Sample Company document generator";
        return WithStableId(_builder.Build(), outline);
    }

    private void Paragraph(string text, PdfDocumentBuilder.AddedFont font, double size, double left, string? marker = null)
    {
        var lines = Wrap(PlainText.Fold(text), font, size, Right - left);
        for (var i = 0; i < lines.Count; i++)
        {
            if (_y - BodyLeading < Bottom)
            {
                NewPage();
            }

            _y -= BodyLeading;
            // The marker is drawn first so that text extraction reads it before the item.
            if (i == 0 && marker is not null)
            {
                Page.AddText(marker, size, new PdfPoint(Left + 4, _y), font);
            }

            Page.AddText(lines[i], size, new PdfPoint(left, _y), font);
        }

        _y -= 4;
    }

    private void Line(string text, PdfDocumentBuilder.AddedFont font, double size, double leading)
    {
        _y -= leading;
        Page.AddText(text, size, new PdfPoint(Left, _y), font);
    }

    private List<string> Wrap(string text, PdfDocumentBuilder.AddedFont font, double size, double width)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (current.Length > 0 && Width(candidate, font, size) > width)
            {
                lines.Add(current.ToString());
                current.Clear().Append(word);
            }
            else
            {
                current.Clear().Append(candidate);
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }

    private double Width(string text, PdfDocumentBuilder.AddedFont font, double size)
    {
        var letters = Page.MeasureText(text, size, new PdfPoint(0, 0), font);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }

    private void NewPage()
    {
        _pages.Add(_builder.AddPage(PageSize.A4));
        _y = Top;
    }

    /// <summary>
    /// PdfPig writes a random file identifier into the trailer; replace it (same length, so no offset moves) with
    /// one derived from the document, so that generating twice gives the same bytes.
    /// </summary>
    private static byte[] WithStableId(byte[] pdf, DocumentOutline outline)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var start = text.LastIndexOf("/ID [", StringComparison.Ordinal);
        var open1 = text.IndexOf('<', start);
        var open2 = text.IndexOf('<', open1 + 1);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(outline.Footer)))[..32];
        if (start < 0 || text[open1 + 33] != '>' || text[open2 + 33] != '>')
        {
            throw new InvalidOperationException("The PDF trailer has no 16-byte file identifier where PdfPig writes one.");
        }

        Encoding.ASCII.GetBytes(hash).CopyTo(pdf, open1 + 1);
        Encoding.ASCII.GetBytes(hash).CopyTo(pdf, open2 + 1);
        return pdf;
    }
}
