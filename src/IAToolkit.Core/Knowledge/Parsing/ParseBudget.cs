using System.Globalization;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// What one document may still cost while it is read: characters of text, and time. The readers charge it as they
/// go and call <see cref="Check"/> between pages, rows and paragraphs, so a document over budget stops there instead
/// of after it has been read whole. One instance per document, used by one thread.
/// </summary>
internal sealed class ParseBudget
{
    private readonly CancellationToken _cancellation;
    private readonly CancellationToken _deadline;
    private long _characters;
    private long _cells;
    private long _decoded;
    private DocumentTooComplexException? _failure;

    public ParseBudget(string fileName, DocumentParsingOptions options, CancellationToken cancellation = default, CancellationToken deadline = default)
    {
        FileName = fileName;
        Options = options;
        _cancellation = cancellation;
        _deadline = deadline;
    }

    public string FileName { get; }

    public DocumentParsingOptions Options { get; }

    /// <summary>
    /// Stops the reading when the caller gave up (<see cref="OperationCanceledException"/>), its time is up, or a budget
    /// was passed somewhere a library may have swallowed the refusal (inside PdfPig's lenient parsing).
    /// </summary>
    public void Check()
    {
        _cancellation.ThrowIfCancellationRequested();
        if (_failure is not null)
        {
            throw _failure;
        }

        if (_deadline.IsCancellationRequested)
        {
            throw TooSlow();
        }
    }

    /// <summary>Charges characters of extracted text; past <see cref="DocumentParsingOptions.MaxCharacters"/> the document is refused.</summary>
    public void Characters(long count)
    {
        _characters += count;
        if (_characters > Options.MaxCharacters)
        {
            throw TooComplex($"its text is longer than the {Options.MaxCharacters.ToString("N0", CultureInfo.InvariantCulture)} characters a document may have", nameof(DocumentParsingOptions.MaxCharacters));
        }

        Check();
    }

    /// <summary>Charges cells read from a workbook (empty ones too) and shared strings; past <see cref="DocumentParsingOptions.MaxCells"/> it is refused.</summary>
    public void Cells(long count)
    {
        _cells += count;
        if (_cells > Options.MaxCells)
        {
            throw TooComplex($"it has more than the {Options.MaxCells.ToString("N0", CultureInfo.InvariantCulture)} cells a workbook may have", nameof(DocumentParsingOptions.MaxCells));
        }
    }

    /// <summary>Charges bytes a PDF stream decoded to; past <see cref="DocumentParsingOptions.MaxPdfDecodedBytes"/> the document is refused.</summary>
    public void Decoded(long bytes)
    {
        _decoded += bytes;
        if (_decoded > Options.MaxPdfDecodedBytes)
        {
            throw Record(TooComplex($"its streams expand to more than {Megabytes(Options.MaxPdfDecodedBytes)} MB", nameof(DocumentParsingOptions.MaxPdfDecodedBytes)));
        }
    }

    /// <summary>Remembers a refusal thrown where a library may catch it, so <see cref="Check"/> throws it again.</summary>
    public DocumentTooComplexException Record(DocumentTooComplexException failure)
    {
        _failure ??= failure;
        return failure;
    }

    /// <summary>The refusal for this document: what it passes, and the setting that holds the budget.</summary>
    public DocumentTooComplexException TooComplex(string what, string setting, Exception? inner = null)
        => new(FileName, $"{what} ({DocumentParsingOptions.SectionName}:{setting})", inner);

    public DocumentTooComplexException TooSlow()
        => TooComplex($"reading it takes longer than the {Options.MaxParseTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s a document may take", nameof(DocumentParsingOptions.MaxParseTime));

    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.##", CultureInfo.InvariantCulture);
}
