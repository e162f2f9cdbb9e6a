using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IAToolkit.Knowledge;

/// <summary>
/// Turns a document (PDF, DOCX, XLSX, TXT, MD) into its text page by page, keeping the page numbers citations show.
/// Thread-safe: one instance serves the whole host.
/// </summary>
internal sealed class DocumentParser
{
    private static readonly Dictionary<string, string> s_formats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "pdf",
        [".docx"] = "docx",
        [".xlsx"] = "xlsx",
        [".txt"] = "txt",
        [".md"] = "md",
        [".markdown"] = "md",
    };

    private readonly DocumentParsingOptions _options;
    private readonly ILogger<DocumentParser> _logger;

    public DocumentParser(IOptions<DocumentParsingOptions> options, ILogger<DocumentParser> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>The extensions the parser reads, as the unsupported-type message lists them.</summary>
    public static string SupportedExtensions => ".pdf, .docx, .xlsx, .txt, .md";

    /// <summary>Whether the file's extension is one the parser reads (case-insensitive).</summary>
    public static bool IsSupported(string fileName) => FormatOf(fileName) is not null;

    /// <summary>
    /// Reads the document's text. The stream is read from its current position and not disposed; a stream that
    /// cannot seek, or is not at its start, is buffered in memory first because PDF and ZIP readers need to seek.
    /// </summary>
    /// <exception cref="DocumentUnreadableException">
    /// The type is unsupported, or the file is empty, corrupt or encrypted, or has no text at all (a PDF without a
    /// text layer, a DOCX or workbook without text, a text file of blanks).
    /// </exception>
    public ParsedDocument Parse(string fileName, Stream content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var format = FormatOf(fileName) ?? throw Unsupported(fileName);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var pages = format switch
            {
                "pdf" => WithSeekable(fileName, content, s => PdfTextReader.Read(fileName, s, _logger)),
                "docx" => WithSeekable(fileName, content, s => DocxTextReader.Read(fileName, s)),
                "xlsx" => WithSeekable(fileName, content, s => new XlsxTextReader(fileName, _options.MaxSheetRows, _logger).Read(s)),
                _ => [PlainTextReader.Read(fileName, content)],
            };
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
    }

    private static string? FormatOf(string fileName)
        => s_formats.TryGetValue(Path.GetExtension(fileName ?? string.Empty), out var format) ? format : null;

    private static DocumentUnreadableException Unsupported(string fileName)
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
