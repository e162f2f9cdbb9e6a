using System.Globalization;
using System.Net.Sockets;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace IAToolkit.Mail;

/// <summary>Sends through the SMTP server of <c>mail_provider.smtplib</c> with MailKit; every network step has a timeout.</summary>
internal sealed class SmtpMailTransport : IMailTransport
{
    private readonly CompanySecrets _secrets;
    private readonly IOptions<MailOptions> _options;

    public SmtpMailTransport(CompanySecrets secrets, IOptions<MailOptions> options)
    {
        _secrets = secrets;
        _options = options;
    }

    public MailProvider Provider => MailProvider.Smtp;

    public async Task SendAsync(MailDelivery delivery, CancellationToken cancellationToken)
    {
        var endpoint = SmtpEndpoint.Resolve(_secrets, delivery);
        var timeout = _options.Value.Timeout;
        using var message = MimeMessageComposer.Compose(delivery);
        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(endpoint.Host, endpoint.Port, endpoint.Security, cancellationToken);
            if (endpoint is { Username: { } username, Password: { } password })
            {
                await client.AuthenticateAsync(username, password, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = MailVariables.Redact(Describe(ex, delivery, timeout), endpoint.Password);
            throw new IAToolkitException(ErrorCodes.MailFailed, $"{delivery.FailurePrefix} through SMTP {endpoint}: {reason}", ex);
        }
    }

    private static string Describe(Exception ex, MailDelivery delivery, TimeSpan timeout) => ex switch
    {
        TimeoutException or OperationCanceledException or IOException { InnerException: TimeoutException }
            => string.Create(CultureInfo.InvariantCulture, $"the server did not answer within {timeout.TotalSeconds:0.#} s."),
        SocketException socket => $"cannot connect ({socket.SocketErrorCode}: {socket.Message}).",
        SslHandshakeException => $"the TLS handshake failed; check {delivery.Settings.Smtp.UseSsl.Name} and {delivery.Settings.Smtp.UseTls.Name} ({ex.Message.Split('\n')[0].Trim()}).",
        AuthenticationException => $"the server refused the login of {delivery.Settings.Smtp.Username.Name}/{delivery.Settings.Smtp.Password.Name} ({ex.Message}).",
        SmtpCommandException command => string.Create(CultureInfo.InvariantCulture, $"the server refused the message ({(int)command.StatusCode} {command.Message})."),
        NotSupportedException => $"the server does not support what the settings ask for ({ex.Message}).",
        _ => ex.Message,
    };
}
