using System.Globalization;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using MailKit.Security;

namespace IAToolkit.Mail;

/// <summary>The SMTP server a company's <c>mail_provider.smtplib</c> variables point at. Never printed with its password.</summary>
internal sealed class SmtpEndpoint
{
    private SmtpEndpoint(string host, int port, SecureSocketOptions security, string? username, string? password)
    {
        Host = host;
        Port = port;
        Security = security;
        Username = username;
        Password = password;
    }

    public string Host { get; }

    public int Port { get; }

    /// <summary><c>use_ssl</c> on: TLS from the first byte; else <c>use_tls</c> on: STARTTLS; else none (a loopback sink).</summary>
    public SecureSocketOptions Security { get; }

    /// <summary>Set only when both the username and the password variables are set: the server is logged in to.</summary>
    public string? Username { get; }

    public string? Password { get; }

    public static SmtpEndpoint Resolve(CompanySecrets secrets, MailDelivery delivery)
    {
        var smtp = delivery.Settings.Smtp;
        var host = MailVariables.Require(secrets, delivery, smtp.Host).Trim();
        var portText = MailVariables.Require(secrets, delivery, smtp.Port).Trim();
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new IAToolkitException(
                ErrorCodes.MailFailed,
                $"{delivery.FailurePrefix}: {smtp.Port.Name} must be a port number from 1 to 65535, not '{portText}': {smtp.Port.File}: {smtp.Port.KeyPath} names it.");
        }

        var security = MailVariables.IsOn(secrets, smtp.UseSsl) ? SecureSocketOptions.SslOnConnect
            : MailVariables.IsOn(secrets, smtp.UseTls) ? SecureSocketOptions.StartTls
            : SecureSocketOptions.None;
        var username = secrets.Find(smtp.Username);
        var password = secrets.Find(smtp.Password);
        var login = username is not null && password is not null;
        return new SmtpEndpoint(host, port, security, login ? username : null, login ? password : null);
    }

    /// <summary><c>host:port</c>, as failure messages show it.</summary>
    public override string ToString() => $"{Host}:{Port}";
}
