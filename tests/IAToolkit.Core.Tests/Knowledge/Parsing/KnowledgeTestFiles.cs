using DocumentFormat.OpenXml.Packaging;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace IAToolkit.Core.Tests.Knowledge.Parsing;

/// <summary>Real documents written in the test (PdfPig's builder, the Open XML SDK) and the parser that reads them.</summary>
internal static class KnowledgeTestFiles
{
    public static DocumentParser Parser(int maxSheetRows = 5000)
        => new(Options.Create(new DocumentParsingOptions { MaxSheetRows = maxSheetRows }), NullLogger<DocumentParser>.Instance);

    public static DocumentParser Parser(DocumentParsingOptions options)
        => new(Options.Create(options), NullLogger<DocumentParser>.Instance);

    public static ParsedDocument Parse(string fileName, byte[] content, int maxSheetRows = 5000)
        => Parser(maxSheetRows).Parse(fileName, new MemoryStream(content));

    /// <summary>A PDF with one page per entry, each line of the page written 16 points below the last in Helvetica.</summary>
    public static byte[] Pdf(params string[][] pages)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 780.0;
            foreach (var line in lines)
            {
                page.AddText(line, 11, new PdfPoint(60, y), font);
                y -= 16;
            }
        }

        return builder.Build();
    }

    /// <summary>A PDF whose pages only have drawings, as a scan without OCR has only images.</summary>
    public static byte[] PdfWithoutText(int pages)
    {
        using var builder = new PdfDocumentBuilder();
        for (var i = 0; i < pages; i++)
        {
            builder.AddPage(PageSize.A4).DrawRectangle(new PdfPoint(50, 50), 400, 600, 2, fill: false);
        }

        return builder.Build();
    }

    /// <summary>A DOCX whose body the caller fills; styles define a localised heading style and a list style.</summary>
    public static byte[] Docx(Action<W.Body> fill)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new W.Styles(
                ParagraphStyle("Ttulo1", "heading 1"),
                ParagraphStyle("Heading2", "heading 2"),
                ParagraphStyle("Normal", "Normal"));
            var body = new W.Body();
            fill(body);
            main.Document = new W.Document(body);
        }

        return stream.ToArray();
    }

    public static W.Paragraph Paragraph(string text, string? style = null)
    {
        var paragraph = new W.Paragraph(new W.Run(new W.Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
        if (style is not null)
        {
            paragraph.PrependChild(new W.ParagraphProperties(new W.ParagraphStyleId { Val = style }));
        }

        return paragraph;
    }

    public static W.Table Table(params string[][] rows)
        => new(rows.Select(cells => new W.TableRow(cells.Select(c => new W.TableCell(Paragraph(c))))));

    private static W.Style ParagraphStyle(string id, string name)
        => new(new W.StyleName { Val = name }) { Type = W.StyleValues.Paragraph, StyleId = id };
}
