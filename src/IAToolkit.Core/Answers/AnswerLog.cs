using Microsoft.Extensions.Logging;

namespace IAToolkit.Answers;

/// <summary>The answer rendering log messages, with fixed event ids (1500–1519). Answers themselves are never logged.</summary>
internal static partial class AnswerLog
{
    [LoggerMessage(1501, LogLevel.Warning, "Removed {Count} piece(s) of active content from an answer (the first: {First}); the model may be following injected instructions")]
    public static partial void ActiveContentRemoved(ILogger logger, int count, string first);

    [LoggerMessage(1502, LogLevel.Debug, "Removed {Count} element(s), attribute(s) or class(es) from an answer that the chat page does not allow")]
    public static partial void MarkupRemoved(ILogger logger, int count);
}
