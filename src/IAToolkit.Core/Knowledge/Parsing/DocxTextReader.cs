using DocumentFormat.OpenXml;
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
/// Reads a DOCX's body with the Open XML SDK: paragraphs, headings as Markdown <c>#</c> lines, list items as
/// <c>- </c> lines, and tables as <c>cell | cell</c> rows, split into pages at page breaks (see <see cref="DocxPages"/>).
/// </summary>
internal static class DocxTextReader
{
    public static IReadOnlyList<ParsedPage> Read(string fileName, Stream content, ParseBudget budget)
    {
        using var document = OfficePackage.Open(fileName, "DOCX", content, budget, s => WordprocessingDocument.Open(s, isEditable: false));
        Body? body;
        try
        {
            body = document.MainDocumentPart?.Document?.Body;
        }
        catch (Exception e) when (e is not OutOfMemoryException and not IAToolkitException and not OperationCanceledException)
        {
            throw new DocumentUnreadableException(fileName, $"not a valid DOCX (corrupt document part): {e.Message}", e);
        }

        if (body is null)
        {
            throw new DocumentUnreadableException(fileName, "not a valid DOCX (no document body)");
        }

        var walker = new DocxBodyWalker(DocxStyle.ReadAll(document.MainDocumentPart!.StyleDefinitionsPart), budget);
        walker.Walk(body);
        return walker.Pages.Finish();
    }
}
