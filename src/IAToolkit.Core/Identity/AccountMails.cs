using IAToolkit.Companies;
using IAToolkit.Mail;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Identity;

/// <summary>
/// The e-mails of the account flows, sent through the company's mail provider. A failure is logged and reported as
/// <see langword="false"/>, so the caller can roll back and tell the user.
/// </summary>
internal sealed partial class AccountMails
{
    private readonly IMailService _mail;
    private readonly ILogger<AccountMails> _logger;

    public AccountMails(IMailService mail, ILogger<AccountMails> logger)
    {
        _mail = mail;
        _logger = logger;
    }

    public Task<bool> TrySendVerificationAsync(Company company, string email, string firstName, Uri link, string language, CancellationToken cancellationToken)
        => TrySendAsync(company, MailTemplates.AccountVerification(company, language, firstName, link, AccountService.VerificationLifetime).ToMessage(email), "verification", cancellationToken);

    public Task<bool> TrySendPasswordResetAsync(Company company, string email, string firstName, Uri link, string language, CancellationToken cancellationToken)
        => TrySendAsync(company, MailTemplates.PasswordReset(company, language, firstName, link, AccountService.ResetLifetime).ToMessage(email), "password reset", cancellationToken);

    private async Task<bool> TrySendAsync(Company company, MailMessageSpec message, string kind, CancellationToken cancellationToken)
    {
        try
        {
            await _mail.SendAsync(company, message, cancellationToken);
            return true;
        }
        catch (IAToolkitException ex)
        {
            MailNotSent(_logger, kind, company.ShortName, ex.Message);
            return false;
        }
    }

    [LoggerMessage(1252, LogLevel.Error, "The {Kind} e-mail of company {Company} was not sent, so nothing was stored: {Reason}")]
    private static partial void MailNotSent(ILogger logger, string kind, string company, string reason);
}
