using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>The reading budgets' and slots' log messages, with fixed event ids (2400–2449). Document text is never logged.</summary>
internal static partial class ParsingLog
{
    [LoggerMessage(2401, LogLevel.Warning, "Refused {FileName}: every one of the {Slots} document-reading slot(s) is busy")]
    public static partial void Busy(ILogger logger, string fileName, int slots);

    [LoggerMessage(2402, LogLevel.Information, "Refused {FileName}: {Reason}")]
    public static partial void TooComplex(ILogger logger, string fileName, string reason);

    [LoggerMessage(2403, LogLevel.Warning, "Reading {FileName} passed its {Seconds} s budget inside the PDF library; the request is answered now and the reading thread keeps its slot until it ends")]
    public static partial void Abandoned(ILogger logger, string fileName, double seconds);

    [LoggerMessage(2404, LogLevel.Warning, "An abandoned reading of {FileName} ended with an error")]
    public static partial void AbandonedFailed(ILogger logger, string fileName, Exception exception);
}
