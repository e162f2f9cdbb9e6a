using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>Reads <c>mail_provider</c>; only the chosen provider's variables are checked.</summary>
internal static class MailReader
{
    public static MailSettings? Read(YamlSection root)
    {
        if (root.Section("mail_provider") is not { } mail)
        {
            return null;
        }

        var provider = ConfigurationEnums.MailProviders.Read(mail, "provider", required: true);
        var sender = mail.String("sender_email", required: true)?.Trim();
        if (sender is not null && !MailAddresses.IsValid(sender))
        {
            mail.Error("sender_email", $"'{sender}' is not an e-mail address");
        }

        var brevo = mail.SectionOrEmpty("brevo_mail");
        var brevoKey = VariableNames.Read(brevo, "brevo_api", "BREVO_API_KEY", check: provider == MailProvider.BrevoMail);
        var smtp = mail.SectionOrEmpty("smtplib");
        var checkSmtp = provider == MailProvider.Smtp;
        var smtpSettings = new SmtpSettings
        {
            Host = Variable(smtp, "host_env", "SMTP_HOST", checkSmtp),
            Port = Variable(smtp, "port_env", "SMTP_PORT", checkSmtp),
            // Optional: no login unless both are set, no TLS/SSL unless "true"; an unset one is not worth a warning.
            Username = Variable(smtp, "username_env", "SMTP_USERNAME", check: false),
            Password = Variable(smtp, "password_env", "SMTP_PASSWORD", check: false),
            UseTls = Variable(smtp, "use_tls_env", "SMTP_USE_TLS", check: false),
            UseSsl = Variable(smtp, "use_ssl_env", "SMTP_USE_SSL", check: false),
        };
        return new MailSettings
        {
            Provider = provider ?? MailProvider.Smtp,
            SenderEmail = sender ?? string.Empty,
            SenderName = mail.String("sender_name"),
            BrevoApiKey = brevoKey ?? Fallback(brevo, "brevo_api", "BREVO_API_KEY"),
            Smtp = smtpSettings,
            Tool = MailToolReader.Read(mail, sender ?? string.Empty),
        };
    }

    // An invalid name was reported; the default keeps the model whole (it is not used: the company does not load).
    private static VariableReference Variable(YamlSection section, string key, string fallback, bool check)
        => VariableNames.Read(section, key, fallback, check: check) ?? Fallback(section, key, fallback);

    private static VariableReference Fallback(YamlSection section, string key, string name)
        => new(name, section.Problems.File, section.KeyPath(key));
}
