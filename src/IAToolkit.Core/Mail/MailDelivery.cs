using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Mail;

/// <summary>What a transport needs to send one message: the company, its <c>mail_provider</c>, and the message.</summary>
internal sealed record MailDelivery(Company Company, MailSettings Settings, MailMessageSpec Message)
{
    public string SenderEmail => Settings.SenderEmail;

    /// <summary><c>sender_name</c>, else the company's display name.</summary>
    public string SenderName => string.IsNullOrWhiteSpace(Settings.SenderName) ? Company.Configuration.Name : Settings.SenderName;

    /// <summary>The start of every failure message, e.g. <c>Mail for company 'acme' was not sent</c>.</summary>
    public string FailurePrefix => $"Mail for company '{Company.ShortName}' was not sent";
}
