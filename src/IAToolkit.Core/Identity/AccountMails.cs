using IAToolkit.Companies;
using IAToolkit.Mail;

namespace IAToolkit.Identity;

/// <summary>
/// The e-mails of the account flows, queued in the <see cref="MailOutbox"/> and sent off the request path, so that
/// an account page answers in the same time whether or not it sends a mail.
/// </summary>
internal sealed class AccountMails
{
    private readonly MailOutbox _outbox;

    public AccountMails(MailOutbox outbox) => _outbox = outbox;

    public bool QueueVerification(Company company, string email, string firstName, Uri link, string language)
        => _outbox.TryQueue(new QueuedMail(company, MailTemplates.AccountVerification(company, language, firstName, link, AccountService.VerificationLifetime).ToMessage(email), "verification"));

    public bool QueuePasswordReset(Company company, string email, string firstName, Uri link, string language)
        => _outbox.TryQueue(new QueuedMail(company, MailTemplates.PasswordReset(company, language, firstName, link, AccountService.ResetLifetime).ToMessage(email), "password reset"));
}
