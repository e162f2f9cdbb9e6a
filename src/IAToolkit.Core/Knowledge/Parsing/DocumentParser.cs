using System.Diagnostics;
using System.Runtime.InteropServices;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// Turns a document into its text page by page, through the <see cref="DocumentReader"/> registered for its extension (PDF,
/// DOCX, XLSX, TXT, MD and any a host adds), keeping the page numbers citations show.
/// Every reading is held to the budgets of <see cref="DocumentParsingOptions"/> while it runs. Thread-safe: one
/// instance serves the whole host, and its reading slots are shared by uploads, the file-store and the loader.
/// </summary>
internal sealed class DocumentParser : IDisposable
{
    // How long past the deadline a reading stuck inside a library is waited for before the caller is answered.
    private static readonly TimeSpan s_grace = TimeSpan.FromSeconds(1);

    private readonly DocumentParsingOptions _options;
    private readonly ILogger<DocumentParser> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly Dictionary<string, DocumentReader> _readers = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="options">The budgets.</param>
    /// <param name="logger">The parser's log.</param>
    /// <param name="readers">The formats, in registration order (a later reader takes an extension from an earlier one); the built-in ones when not given.</param>
    public DocumentParser(IOptions<DocumentParsingOptions> options, ILogger<DocumentParser> logger, IEnumerable<DocumentReader>? readers = null)
    {
        _options = options.Value;
        _logger = logger;
        _slots = new SemaphoreSlim(_options.ConcurrentParses, _options.ConcurrentParses);
        var ordered = (readers ?? BuiltIn(logger)).ToList();
        foreach (var reader in ordered)
        {
            foreach (var extension in reader.Extensions)
            {
                _readers[extension.StartsWith('.') ? extension : "." + extension] = reader;
            }
        }

        // Each reader that still reads an extension is listed by its first one it kept.
        SupportedExtensions = string.Join(", ", ordered
            .Select(r => r.Extensions.Select(e => e.StartsWith('.') ? e : "." + e).FirstOrDefault(e => _readers.TryGetValue(e, out var owner) && owner == r))
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(e => e.ToLowerInvariant()));
    }

    /// <summary>The extensions the parser reads, as the unsupported-type message lists them.</summary>
    public string SupportedExtensions { get; }

    /// <summary>The formats read, as an upload's refusal lists them: <c>PDF, DOCX, XLSX, TXT, MD</c> and any a host added.</summary>
    public string SupportedTypes => string.Join(", ", SupportedExtensions.Split(", ").Select(e => e.TrimStart('.').ToUpperInvariant()));

    /// <summary>Whether the file's extension is one the parser reads (case-insensitive).</summary>
    public bool IsSupported(string fileName) => ReaderOf(fileName) is not null;

    /// <summary>
    /// Reads the document's text off the request path: on a thread of its own, in one of the host's reading slots,
    /// within <see cref="DocumentParsingOptions.MaxParseTime"/>. With <paramref name="waitForSlot"/> false (a request
    /// someone waits on) a full house is answered at once, after at most <see cref="DocumentParsingOptions.MaxQueueWait"/>;
    /// the loader waits its turn. A reading that passes its time inside a library that cannot be interrupted is given
    /// up on after the deadline, but keeps its slot until its thread ends, so stuck readings cannot pile up.
    /// </summary>
    /// <exception cref="ParsingBusyException">No slot came free in time.</exception>
    /// <exception cref="DocumentTooComplexException">The document passes a budget, or takes too long.</exception>
    /// <exception cref="DocumentUnreadableException">As <see cref="Parse(string, Stream, CancellationToken)"/>.</exception>
    public async Task<ParsedDocument> ParseAsync(string fileName, ReadOnlyMemory<byte> content, bool waitForSlot, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (!IsSupported(fileName))
        {
            // Refusing the type takes no reading, so it takes no slot either.
            throw Unsupported(fileName);
        }

        var acquired = waitForSlot
            ? await _slots.WaitAsync(Timeout.InfiniteTimeSpan, cancellationToken)
            : await _slots.WaitAsync(_options.MaxQueueWait, cancellationToken);
        if (!acquired)
        {
            ParsingLog.Busy(_logger, fileName, _options.ConcurrentParses);
            throw new ParsingBusyException(TimeSpan.FromSeconds(Math.Clamp(Math.Ceiling(_options.MaxParseTime.TotalSeconds / 2), 1, 30)));
        }

        var deadline = new CancellationTokenSource(_options.MaxParseTime);
        Task<ParsedDocument> reading;
        try
        {
            reading = Task.Factory.StartNew(
                () =>
                {
                    try
                    {
                        using var stream = MemoryMarshal.TryGetArray(content, out var array)
                            ? new MemoryStream(array.Array!, array.Offset, array.Count, writable: false)
                            : new MemoryStream(content.ToArray(), writable: false);
                        return ParseWithin(fileName, stream, new ParseBudget(fileName, _options, cancellationToken, deadline.Token));
                    }
                    finally
                    {
                        deadline.Dispose();
                        _slots.Release();
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }
        catch
        {
            deadline.Dispose();
            _slots.Release();
            throw;
        }

        // A reading the caller stopped waiting for (it gave up, or the deadline passed) still ends; its error is observed here.
        _ = reading.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        try
        {
            return await reading.WaitAsync(_options.MaxParseTime + s_grace, cancellationToken);
        }
        catch (TimeoutException)
        {
            ParsingLog.Abandoned(_logger, fileName, _options.MaxParseTime.TotalSeconds);
            _ = reading.ContinueWith(t => ParsingLog.AbandonedFailed(_logger, fileName, t.Exception!.GetBaseException()), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            var refused = new ParseBudget(fileName, _options).TooSlow();
            ParsingLog.TooComplex(_logger, fileName, refused.Reason);
            throw refused;
        }
    }

    /// <summary>
    /// Reads the document's text on the calling thread, within the budgets but without a slot or a deadline (see
    /// <see cref="ParseAsync"/> for requests and loads). The stream is read from its current position and not disposed; a stream that
    /// cannot seek, or is not at its start, is buffered in memory first because PDF and ZIP readers need to seek.
    /// </summary>
    /// <exception cref="DocumentUnreadableException">
    /// The type is unsupported, or the file is empty, corrupt or encrypted, or has no text at all (a PDF without a
    /// text layer, a DOCX or workbook without text, a text file of blanks).
    /// </exception>
    /// <exception cref="DocumentTooComplexException">The document passes a budget.</exception>
    public ParsedDocument Parse(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        return ParseWithin(fileName, content, new ParseBudget(fileName, _options, cancellationToken));
    }

    public void Dispose() => _slots.Dispose();

    private ParsedDocument ParseWithin(string fileName, Stream content, ParseBudget budget)
    {
        var reader = ReaderOf(fileName) ?? throw Unsupported(fileName);
        var format = reader.Format;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var pages = WithSeekable(fileName, content, s => reader.ReadPages(fileName, s, budget));
            if (pages.All(p => string.IsNullOrWhiteSpace(p.Text)))
            {
                // Nothing to search or cite; saying so beats storing a document that can never be found.
                throw new DocumentUnreadableException(fileName, "no text");
            }

            var document = new ParsedDocument(fileName, format, pages);
            DocumentParserLog.Parsed(_logger, fileName, format, pages.Count, pages.Sum(p => p.Text.Length), (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return document;
        }
        catch (DocumentUnreadableException e)
        {
            DocumentParserLog.Unreadable(_logger, fileName, e.Reason);
            throw;
        }
        catch (DocumentTooComplexException e)
        {
            ParsingLog.TooComplex(_logger, fileName, e.Reason);
            throw;
        }
    }

    private DocumentReader? ReaderOf(string fileName)
        => _readers.TryGetValue(Path.GetExtension(fileName ?? string.Empty), out var reader) ? reader : null;

    private static IEnumerable<DocumentReader> BuiltIn(ILogger<DocumentParser> logger)
        => [new PdfDocumentReader(logger), new DocxDocumentReader(), new XlsxDocumentReader(logger), new TextDocumentReader(), new MarkdownDocumentReader()];

    private DocumentUnreadableException Unsupported(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        var type = string.IsNullOrEmpty(extension) ? "(no extension)" : extension.ToLowerInvariant();
        return new DocumentUnreadableException(fileName, $"unsupported type {type}; supported: {SupportedExtensions}");
    }

    private static IReadOnlyList<ParsedPage> WithSeekable(string fileName, Stream content, Func<Stream, IReadOnlyList<ParsedPage>> read)
    {
        if (content.CanSeek && content.Position == 0)
        {
            return content.Length == 0 ? throw Empty(fileName) : read(content);
        }

        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        if (buffer.Length == 0)
        {
            throw Empty(fileName);
        }

        buffer.Position = 0;
        return read(buffer);
    }

    internal static DocumentUnreadableException Empty(string fileName) => new(fileName, "empty file");
}
