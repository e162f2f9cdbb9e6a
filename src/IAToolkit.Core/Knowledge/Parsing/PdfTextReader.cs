using System.Globalization;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Logging;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// Reads a PDF's text layer page by page with PdfPig; the page numbers are the PDF's own. The document's budget is
/// checked before the pages are read (pages, objects), while streams are decoded (<see cref="BoundedFilterProvider"/>)
/// and between pages (characters, time), so the work grows with the pages and glyphs read, never faster.
/// </summary>
internal static class PdfTextReader
{
    public static IReadOnlyList<ParsedPage> Read(string fileName, Stream content, ParseBudget budget, ILogger logger)
    {
        PdfDocument pdf;
        try
        {
            pdf = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, FilterProvider = new BoundedFilterProvider(budget) });
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new DocumentUnreadableException(fileName, "encrypted (password protected)", e);
        }
        catch (Exception e) when (IsLibraryFailure(e))
        {
            budget.Check();
            throw new DocumentUnreadableException(fileName, $"not a valid PDF (corrupt or truncated?): {e.Message}", e);
        }

        using (pdf)
        {
            return ReadPages(fileName, pdf, budget, logger);
        }
    }

    private static List<ParsedPage> ReadPages(string fileName, PdfDocument pdf, ParseBudget budget, ILogger logger)
    {
        int count;
        try
        {
            var objects = pdf.Structure.CrossReferenceTable.ObjectOffsets.Count;
            if (objects > budget.Options.MaxPdfObjects)
            {
                throw budget.TooComplex($"it has {objects.ToString("N0", CultureInfo.InvariantCulture)} objects, more than the {budget.Options.MaxPdfObjects.ToString("N0", CultureInfo.InvariantCulture)} a PDF may have", nameof(DocumentParsingOptions.MaxPdfObjects));
            }

            count = pdf.NumberOfPages;
        }
        catch (Exception e) when (IsLibraryFailure(e))
        {
            budget.Check();
            throw new DocumentUnreadableException(fileName, $"not a valid PDF (corrupt or truncated?): {e.Message}", e);
        }

        if (count == 0)
        {
            throw new DocumentUnreadableException(fileName, "the PDF has no pages");
        }

        if (count > budget.Options.MaxPdfPages)
        {
            throw budget.TooComplex($"it has {count.ToString("N0", CultureInfo.InvariantCulture)} pages, more than the {budget.Options.MaxPdfPages.ToString("N0", CultureInfo.InvariantCulture)} a PDF may have", nameof(DocumentParsingOptions.MaxPdfPages));
        }

        var pages = new List<ParsedPage>(count);
        var withoutText = 0;
        Exception? firstFailure = null;
        for (var number = 1; number <= count; number++)
        {
            budget.Check();
            string text;
            try
            {
                text = PageText(pdf.GetPage(number), budget);
            }
            catch (Exception e) when (IsLibraryFailure(e))
            {
                // A refusal PdfPig caught and turned into its own error is still a refusal.
                budget.Check();

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

    private static string PageText(Page page, ParseBudget budget)
    {
        var letters = page.Letters;
        budget.Check();

        // Every glyph is charged before any layout work, so a page's cost is bounded by what the budget allows.
        budget.Characters(letters.Count);
        if (!letters.Any(l => !string.IsNullOrWhiteSpace(l.Value)))
        {
            return string.Empty;
        }

        return letters.Count > budget.Options.MaxLayoutLetters ? PdfPageLayout.ContentOrderText(letters) : PdfPageLayout.Text(page);
    }

    private static bool IsLibraryFailure(Exception e)
        => e is not OutOfMemoryException and not IAToolkitException and not OperationCanceledException;
}
