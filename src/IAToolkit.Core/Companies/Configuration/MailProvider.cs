using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary><c>mail_provider.provider</c>: how the company's mail is sent.</summary>
internal enum MailProvider
{
    /// <summary><c>brevo_mail</c>: the Brevo transactional e-mail API.</summary>
    BrevoMail,

    /// <summary><c>smtplib</c>: an SMTP server.</summary>
    Smtp,
}
