using Microsoft.Extensions.Logging;

namespace IAToolkit.Answers;

/// <summary>The answer rendering log messages, with fixed event ids (1500–1519, and 2600 for an answer shown as text). Answers themselves are never logged.</summary>
internal static partial class AnswerLog
{
    [LoggerMessage(1501, LogLevel.Warning, "Removed {Count} piece(s) of active content from an answer (the first: {First}); the model may be following injected instructions")]
    public static partial void ActiveContentRemoved(ILogger logger, int count, string first);

    [LoggerMessage(1502, LogLevel.Debug, "Removed {Count} element(s), attribute(s) or class(es) from an answer that the chat page does not allow")]
    public static partial void MarkupRemoved(ILogger logger, int count);

    [LoggerMessage(2600, LogLevel.Warning, "An answer of {Length} characters was shown as plain text because {Reason}")]
    public static partial void RenderedAsText(ILogger logger, int length, string reason, Exception? exception);
}
