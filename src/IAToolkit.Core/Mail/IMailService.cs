using IAToolkit.Companies;

namespace IAToolkit.Mail;

/// <summary>
/// Sends e-mail for a company through the provider its company.yaml chooses in <c>mail_provider.provider</c>:
/// <c>smtplib</c> (an SMTP server) or <c>brevo_mail</c> (Brevo's transactional e-mail API). Registered by
/// <c>AddIAToolkitCore()</c> (and so by <c>AddIAToolkit()</c>).
/// </summary>
internal interface IMailService
{
    /// <summary>Sends one message, from the company's <c>mail_provider.sender_email</c> and <c>sender_name</c>.</summary>
    /// <param name="company">The company whose mail settings and sender are used.</param>
    /// <param name="message">The recipients, subject, bodies and attachments.</param>
    /// <param name="cancellationToken">Cancels the sending.</param>
    /// <exception cref="IAToolkitException">
    /// With code <see cref="ErrorCodes.InvalidRequest"/> when the message is invalid (no recipient, a malformed
    /// address, attachments over <see cref="MailMessageSpec.MaxAttachmentBytes"/>); with code
    /// <see cref="ErrorCodes.MailFailed"/> when the company has no <c>mail_provider</c>, a variable it names is not
    /// set, or the provider cannot be reached or refuses the message. Messages never contain a secret.
    /// </exception>
    Task SendAsync(Company company, MailMessageSpec message, CancellationToken cancellationToken = default);
}
