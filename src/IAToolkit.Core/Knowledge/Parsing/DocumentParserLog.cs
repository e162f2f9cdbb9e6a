using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>The document parsing log messages, with fixed event ids (1800–1849). Document text is never logged.</summary>
internal static partial class DocumentParserLog
{
    [LoggerMessage(1801, LogLevel.Debug, "Parsed {FileName} as {Format}: {Pages} page(s), {Characters} characters, in {ElapsedMs} ms")]
    public static partial void Parsed(ILogger logger, string fileName, string format, int pages, int characters, long elapsedMs);

    [LoggerMessage(1802, LogLevel.Debug, "Cannot read {FileName}: {Reason}")]
    public static partial void Unreadable(ILogger logger, string fileName, string reason);

    [LoggerMessage(1803, LogLevel.Warning, "Page {Page} of {FileName} could not be read and is left empty: {Reason}")]
    public static partial void PdfPageFailed(ILogger logger, string fileName, int page, string reason);

    [LoggerMessage(1804, LogLevel.Information, "{Pages} of the {Total} page(s) of {FileName} have no text layer (scanned?); their text is not searchable")]
    public static partial void PdfPagesWithoutText(ILogger logger, string fileName, int pages, int total);

    [LoggerMessage(1805, LogLevel.Warning, "Sheet {Sheet} of {FileName} has more than {MaxRows} row(s); only the first {MaxRows} were read")]
    public static partial void SheetTruncated(ILogger logger, string fileName, string sheet, int maxRows);
}
