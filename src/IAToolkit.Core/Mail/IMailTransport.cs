using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Mail;

/// <summary>One way of sending mail, chosen by <c>mail_provider.provider</c>.</summary>
internal interface IMailTransport
{
    /// <summary>The provider this transport serves.</summary>
    MailProvider Provider { get; }

    /// <summary>Sends the message; every failure is an <see cref="IAToolkitException"/> with <see cref="ErrorCodes.MailFailed"/>.</summary>
    Task SendAsync(MailDelivery delivery, CancellationToken cancellationToken);
}
