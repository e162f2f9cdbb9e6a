namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// A document format the knowledge base reads: the built-in ones (PDF, DOCX, XLSX, text, Markdown) and a company's own,
/// added with <c>builder.AddIAToolkit().AddDocumentReader&lt;MyReader&gt;()</c>. The framework picks the reader by
/// the file's extension and calls it inside the same reading slot, deadline and budgets as every format: the content is
/// the file as already read within the size limit, and the reader charges what it extracts to the
/// <see cref="DocumentReadBudget"/>, which stops a document over budget with <c>document_too_complex</c>. What a reader
/// returns is charged again in full afterwards, so a reader that forgets to charge cannot pass the limits either.
/// </summary>
/// <remarks>One instance serves the whole host, on several threads at once: keep per-document state in locals.</remarks>
public abstract class DocumentReader
{
    /// <summary>The format's name as the document records it, e.g. <c>csv</c>.</summary>
    public abstract string Format { get; }

    /// <summary>
    /// The extensions read, with their dot (<c>.csv</c>), matched case-insensitively; the first is the one the
    /// unsupported-type message lists.
    /// </summary>
    public abstract IReadOnlyList<string> Extensions { get; }

    /// <summary>
    /// Reads the document's text page by page: numbered 1, 2, 3… (a page without text is kept, empty). Throw a
    /// <see cref="DocumentUnreadableException"/> for a file that is not of the format; any other exception is reported
    /// as unreadable too.
    /// </summary>
    /// <param name="fileName">The file's name, for messages.</param>
    /// <param name="content">The file, seekable, at its start, never empty; read-only.</param>
    /// <param name="budget">What the document may still cost: charge every page and every character as they are read.</param>
    public abstract IReadOnlyList<ParsedPage> Read(string fileName, Stream content, DocumentReadBudget budget);

    /// <summary>Reads within the budget; a host's reader is held to it from outside, since it cannot be trusted to charge it.</summary>
    internal virtual IReadOnlyList<ParsedPage> ReadPages(string fileName, Stream content, ParseBudget budget)
    {
        var charged = new DocumentReadBudget(budget);
        IReadOnlyList<ParsedPage> pages;
        try
        {
            pages = Read(fileName, content, charged) ?? [];
        }
        catch (Exception e) when (e is not OutOfMemoryException and not IAToolkitException and not OperationCanceledException)
        {
            // A budget refusal the reader swallowed comes first: it is why the reader failed.
            budget.Check();
            throw new DocumentUnreadableException(fileName, $"the {Format} reader failed: {e.Message}", e);
        }

        budget.Check();
        charged.Settle(pages);
        return pages;
    }
}
