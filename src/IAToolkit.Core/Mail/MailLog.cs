using Microsoft.Extensions.Logging;

namespace IAToolkit.Mail;

/// <summary>
/// The mail log messages, with fixed event ids (1300s). Recipients appear as their domains only; secrets never.
/// </summary>
internal static partial class MailLog
{
    [LoggerMessage(1301, LogLevel.Information, "Sent mail for company {Company} through {Provider} to {RecipientDomains} in {ElapsedMs} ms")]
    public static partial void Sent(ILogger logger, string company, string provider, string recipientDomains, long elapsedMs);

    [LoggerMessage(1302, LogLevel.Warning, "Mail for company {Company} through {Provider} to {RecipientDomains} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string company, string provider, string recipientDomains, string reason);

    [LoggerMessage(1303, LogLevel.Warning, "Mail for company {Company} was refused before sending: {Reason}")]
    public static partial void Refused(ILogger logger, string company, string reason);

    [LoggerMessage(1304, LogLevel.Debug, "Brevo accepted the mail for company {Company} as {MessageId}")]
    public static partial void BrevoAccepted(ILogger logger, string company, string messageId);
}
