using System.Diagnostics;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Mail;

/// <summary>Checks the message, picks the company's transport, and logs the outcome without addresses or secrets.</summary>
internal sealed class MailService : IMailService
{
    private readonly Dictionary<MailProvider, IMailTransport> _transports;
    private readonly ILogger<MailService> _logger;

    public MailService(IEnumerable<IMailTransport> transports, ILogger<MailService> logger)
    {
        _transports = transports.ToDictionary(t => t.Provider);
        _logger = logger;
    }

    public async Task SendAsync(Company company, MailMessageSpec message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            MailMessageCheck.ValidateRecipients(message);
        }
        catch (IAToolkitException)
        {
            // The caller's message names the address; the log does not.
            MailLog.Refused(_logger, company.ShortName, "no recipient, or one that is not an e-mail address");
            throw;
        }

        try
        {
            MailMessageCheck.ValidateContent(message);
        }
        catch (IAToolkitException ex)
        {
            MailLog.Refused(_logger, company.ShortName, ex.Message);
            throw;
        }

        if (company.Configuration.Mail is not { } settings)
        {
            var reason = $"Mail for company '{company.ShortName}' was not sent: its config/company.yaml has no mail_provider section " +
                "(provider: smtplib or brevo_mail, sender_email, and the provider's variables).";
            MailLog.Refused(_logger, company.ShortName, reason);
            throw new IAToolkitException(ErrorCodes.MailFailed, reason);
        }

        var provider = ConfigurationEnums.MailProviders.NameOf(settings.Provider);
        var transport = _transports.GetValueOrDefault(settings.Provider)
            ?? throw new InvalidOperationException($"No mail transport is registered for {provider}.");
        var domains = RecipientDomains(message.To);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await transport.SendAsync(new MailDelivery(company, settings, message), cancellationToken);
        }
        catch (IAToolkitException ex) when (ex.Code == ErrorCodes.MailFailed)
        {
            MailLog.Failed(_logger, company.ShortName, provider, domains, ex.Message);
            throw;
        }

        MailLog.Sent(_logger, company.ShortName, provider, domains, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The recipients' domains, e.g. <c>example.com, acme.example</c>: enough to trace a delivery, not a person.</summary>
    internal static string RecipientDomains(IEnumerable<string> addresses)
        => string.Join(", ", addresses
            .Select(a => a.Trim())
            .Select(a => a[(a.LastIndexOf('@') + 1)..].ToLowerInvariant())
            .Distinct(StringComparer.Ordinal));
}
