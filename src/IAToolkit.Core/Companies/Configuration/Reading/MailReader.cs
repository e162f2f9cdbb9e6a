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

        // 0.75 spells the sections brevo_mail {brevo_api} and smtplib {*_env}; 2.x iatoolkit_mail {api_key_secret_ref}
        // and smtp {*_secret_ref}. Either is read (VariableNames takes both key spellings).
        var (brevo, brevoKeyName) = mail.Get("iatoolkit_mail") is not null
            ? (mail.SectionOrEmpty("iatoolkit_mail"), "api_key_secret_ref")
            : (mail.SectionOrEmpty("brevo_mail"), "brevo_api");
        var brevoKey = VariableNames.Read(brevo, brevoKeyName, "BREVO_API_KEY", check: provider == MailProvider.BrevoMail);
        var smtp = mail.Get("smtp") is not null ? mail.SectionOrEmpty("smtp") : mail.SectionOrEmpty("smtplib");
        foreach (var (newer, older) in new[] { ("iatoolkit_mail", "brevo_mail"), ("smtp", "smtplib") })
        {
            if (mail.Get(newer) is not null && mail.Get(older) is not null)
            {
                mail.Warning(older, $"is ignored: {mail.KeyPath(newer)} (the IAToolkit 2.x spelling) is read");
            }
        }

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
            BrevoApiKey = brevoKey ?? Fallback(brevo, brevoKeyName, "BREVO_API_KEY"),
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
