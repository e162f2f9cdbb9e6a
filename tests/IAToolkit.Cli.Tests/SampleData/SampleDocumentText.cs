using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace IAToolkit.Cli.Tests.SampleData;

/// <summary>The text of a generated document as a parser would read it, whitespace collapsed.</summary>
internal static partial class SampleDocumentText
{
    public static (int Pages, string Text) Read(string path)
    {
        if (path.EndsWith(".pdf", StringComparison.Ordinal))
        {
            using var pdf = PdfDocument.Open(path);
            var text = string.Join("\n", pdf.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)));
            return (pdf.NumberOfPages, Collapse(text));
        }

        using var docx = WordprocessingDocument.Open(path, isEditable: false);
        var paragraphs = docx.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText);
        return (0, Collapse(string.Join("\n", paragraphs)));
    }

    /// <summary>The style ids of a DOCX's paragraphs, in order.</summary>
    public static IReadOnlyList<string?> Styles(string path)
    {
        using var docx = WordprocessingDocument.Open(path, isEditable: false);
        return [.. docx.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value)];
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
