using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SampleCompany.SampleData.Documents;

/// <summary>
/// Writes a <see cref="DocumentOutline"/> as a Word document: Title and Heading 1 styles (so a parser sees the
/// structure), list bullets, a footer, A4 pages; then re-zipped by <see cref="StableZip"/> so the bytes never
/// depend on the clock.
/// </summary>
internal static class DocxOutlineRenderer
{
    private const string MainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static readonly XNamespace s_cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    private static readonly XNamespace s_dc = "http://purl.org/dc/elements/1.1/";

    public static byte[] Render(DocumentOutline outline)
    {
        using var package = new MemoryStream();
        using (var document = WordprocessingDocument.Create(package, WordprocessingDocumentType.Document))
        {
            // Every relationship gets a fixed id: the SDK's own are random.
            var main = document.AddNewPart<MainDocumentPart>(MainContentType, "rIdDocument");
            AddStyles(main);
            var footer = main.AddNewPart<FooterPart>("rIdFooter");
            footer.Footer = new Footer(Styled(outline.Footer, "Footer"));
            main.Document = new Document(Body(outline));
            AddCoreProperties(document.AddNewPart<CoreFilePropertiesPart>("rIdCore"), outline);
        }

        return StableZip.Repack(package.ToArray());
    }

    private static Body Body(DocumentOutline outline)
    {
        var body = new Body(Styled(outline.Title, "Title"));
        foreach (var line in outline.HeaderLines)
        {
            body.Append(Styled(line, "Normal"));
        }

        for (var i = 0; i < outline.Sections.Count; i++)
        {
            var section = outline.Sections[i];
            body.Append(Styled($"{i + 1}. {section.Heading}", "Heading1"));
            foreach (var paragraph in section.Paragraphs)
            {
                body.Append(paragraph.StartsWith("- ", StringComparison.Ordinal) ? Styled(paragraph[2..], "ListBullet") : Styled(paragraph, "Normal"));
            }
        }

        foreach (var line in outline.ClosingLines)
        {
            body.Append(Styled(line, "Normal"));
        }

        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooter" },
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1440, Bottom = 1440, Left = 1280U, Right = 1280U, Header = 708U, Footer = 708U, Gutter = 0U }));
        return body;
    }

    private static Paragraph Styled(string text, string styleId)
        => new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>Title and author only: no dates, which would change on every run.</summary>
    private static void AddCoreProperties(CoreFilePropertiesPart part, DocumentOutline outline)
    {
        var xml = new XDocument(new XElement(
            s_cp + "coreProperties",
            new XAttribute(XNamespace.Xmlns + "cp", s_cp),
            new XAttribute(XNamespace.Xmlns + "dc", s_dc),
            new XElement(s_dc + "title", outline.Title),
            new XElement(s_dc + "creator", outline.Author)));
        using var stream = part.GetStream(FileMode.Create);
        xml.Save(stream, SaveOptions.DisableFormatting);
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
        styles.Styles = new Styles(
            Style("Normal", "Normal", null, size: 21, bold: false, spacingAfter: 120),
            Style("Title", "Title", "Normal", size: 32, bold: true, spacingAfter: 240),
            Style("Heading1", "heading 1", "Normal", size: 24, bold: true, spacingAfter: 80, spacingBefore: 240),
            Style("ListBullet", "List Bullet", "Normal", size: 21, bold: false, spacingAfter: 60, indent: 360),
            Style("Footer", "footer", "Normal", size: 16, bold: false, spacingAfter: 0));
    }

    private static Style Style(string id, string name, string? basedOn, int size, bool bold, int spacingAfter, int spacingBefore = 0, int indent = 0)
    {
        var paragraph = new StyleParagraphProperties(new SpacingBetweenLines { Before = $"{spacingBefore}", After = $"{spacingAfter}" });
        if (indent > 0)
        {
            paragraph.Append(new Indentation { Left = $"{indent}" });
        }

        // Schema order: fonts, bold, size.
        var run = new StyleRunProperties(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" });
        if (bold)
        {
            run.Append(new Bold());
        }

        run.Append(new FontSize { Val = $"{size}" });

        var style = new Style(new StyleName { Val = name }, paragraph, run) { Type = StyleValues.Paragraph, StyleId = id };
        if (basedOn is not null)
        {
            style.InsertAfter(new BasedOn { Val = basedOn }, style.StyleName);
        }
        else
        {
            style.Default = OnOffValue.FromBoolean(true);
        }

        return style;
    }
}
