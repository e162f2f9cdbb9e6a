using Microsoft.Extensions.Logging;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace IAToolkit.Knowledge;

/// <summary>Reads a PDF's text layer page by page with PdfPig; the page numbers are the PDF's own.</summary>
internal static class PdfTextReader
{
    public static IReadOnlyList<ParsedPage> Read(string fileName, Stream content, ILogger logger)
    {
        PdfDocument pdf;
        try
        {
            pdf = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new DocumentUnreadableException(fileName, "encrypted (password protected)", e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new DocumentUnreadableException(fileName, $"not a valid PDF (corrupt or truncated?): {e.Message}", e);
        }

        using (pdf)
        {
            return ReadPages(fileName, pdf, logger);
        }
    }

    private static List<ParsedPage> ReadPages(string fileName, PdfDocument pdf, ILogger logger)
    {
        int count;
        try
        {
            count = pdf.NumberOfPages;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new DocumentUnreadableException(fileName, $"not a valid PDF (corrupt or truncated?): {e.Message}", e);
        }

        if (count == 0)
        {
            throw new DocumentUnreadableException(fileName, "the PDF has no pages");
        }

        var pages = new List<ParsedPage>(count);
        var withoutText = 0;
        Exception? firstFailure = null;
        for (var number = 1; number <= count; number++)
        {
            string text;
            try
            {
                text = PageText(pdf.GetPage(number));
            }
            catch (Exception e) when (e is not OutOfMemoryException and not DocumentUnreadableException)
            {
                // One broken page should not cost the rest of the document its place in the knowledge base.
                firstFailure ??= e;
                DocumentParserLog.PdfPageFailed(logger, fileName, number, e.Message);
                text = string.Empty;
            }

            withoutText += text.Length == 0 ? 1 : 0;
            pages.Add(new ParsedPage(number, text));
        }

        if (withoutText == count)
        {
            throw firstFailure is null
                ? new DocumentUnreadableException(fileName, "no text layer (scanned?)")
                : new DocumentUnreadableException(fileName, $"no page could be read: {firstFailure.Message}", firstFailure);
        }

        if (withoutText > 0)
        {
            DocumentParserLog.PdfPagesWithoutText(logger, fileName, withoutText, count);
        }

        return pages;
    }

    private static string PageText(Page page)
        => page.Letters.Any(l => !string.IsNullOrWhiteSpace(l.Value)) ? PdfPageLayout.Text(page) : string.Empty;
}
