using Microsoft.Extensions.Logging;

namespace IAToolkit.Downloads;

/// <summary>The download and spreadsheet log messages, with fixed event ids (1520–1599). Tokens and file contents are never logged.</summary>
internal static partial class DownloadLog
{
    [LoggerMessage(1521, LogLevel.Debug, "Wrote a spreadsheet of {Rows} row(s) and {Columns} column(s), {Bytes} bytes, in {ElapsedMs} ms")]
    public static partial void ExcelWritten(ILogger logger, int rows, int columns, int bytes, long elapsedMs);

    [LoggerMessage(1522, LogLevel.Debug, "Stored download {FileName} ({Bytes} bytes) for company {Company}, valid for {Lifetime}")]
    public static partial void Saved(ILogger logger, string company, string fileName, int bytes, TimeSpan lifetime);

    [LoggerMessage(1523, LogLevel.Debug, "A download token for company {Company} is unknown or expired")]
    public static partial void NotFound(ILogger logger, string company);

    [LoggerMessage(1524, LogLevel.Warning, "A download token of another user or company was presented to company {Company}; the file was not served")]
    public static partial void Refused(ILogger logger, string company);
}
