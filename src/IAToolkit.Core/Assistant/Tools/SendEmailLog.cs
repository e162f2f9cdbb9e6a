using Microsoft.Extensions.Logging;

namespace IAToolkit.Assistant.Tools;

/// <summary>The mail tool's log messages (event ids 2500–2549). Recipients appear as their domains only.</summary>
internal static partial class SendEmailLog
{
    [LoggerMessage(2501, LogLevel.Warning, "iat_send_email for company {Company} and user {User} was refused ({Rule}); nothing was sent")]
    public static partial void Refused(ILogger logger, string company, string user, string rule);

    [LoggerMessage(2502, LogLevel.Error, "iat_send_email for company {Company} was refused: the send rate cannot be checked in Redis")]
    public static partial void RateUnchecked(ILogger logger, Exception exception, string company);
}
