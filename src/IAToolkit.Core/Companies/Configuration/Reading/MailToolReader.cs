using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Mail;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>Reads <c>mail_provider.tool</c>, the policy of the assistant's <c>iat_send_email</c>; absent, the defaults apply.</summary>
internal static class MailToolReader
{
    public static MailToolSettings Read(YamlSection mail, string senderEmail)
    {
        var defaults = MailToolSettings.Default(senderEmail);
        if (mail.Section("tool") is not { } tool)
        {
            return defaults;
        }

        var scope = ConfigurationEnums.MailRecipientScopes.Read(tool, "allowed_recipients") ?? defaults.AllowedRecipients;
        if (scope == MailRecipientScope.Any)
        {
            tool.Warning("allowed_recipients", "is 'any': a prompt-injected model can mail company data to any address (only the caps and send rates still apply)");
        }

        return defaults with
        {
            AllowedRecipients = scope,
            AllowedDomains = Domains(tool) ?? defaults.AllowedDomains,
            MaxRecipients = Limit(tool, "max_recipients", defaults.MaxRecipients, 1, 100),
            MaxSubjectChars = Limit(tool, "max_subject_chars", defaults.MaxSubjectChars, 1, 998),
            MaxBodyChars = Limit(tool, "max_body_chars", defaults.MaxBodyChars, 1, 1_000_000),
            PerUserPerHour = Limit(tool, "per_user_per_hour", defaults.PerUserPerHour, 1, 10_000),
            PerCompanyPerHour = Limit(tool, "per_company_per_hour", defaults.PerCompanyPerHour, 1, 100_000),
        };
    }

    private static string[]? Domains(YamlSection tool)
    {
        if (tool.List("allowed_domains") is not { } items)
        {
            return null;
        }

        var domains = new List<string>();
        foreach (var (path, item) in items)
        {
            var text = item is YamlDotNet.RepresentationModel.YamlScalarNode scalar ? scalar.Value : null;
            if (MailDomain.Normalize(text) is { } domain)
            {
                domains.Add(domain);
            }
            else
            {
                tool.Problems.Error(path, $"'{text}' is not a domain name such as example.com (no '@', no wildcard; each subdomain is listed on its own)", ProblemCollector.LineOf(item));
            }
        }

        return [.. domains.Distinct(StringComparer.Ordinal)];
    }

    // 998 characters is the longest line RFC 5322 allows, so a longer subject could not be sent unfolded anyway.
    private static int Limit(YamlSection section, string key, int fallback, int min, int max)
    {
        if (section.Integer(key) is not { } value)
        {
            return fallback;
        }

        if (value < min || value > max)
        {
            section.Error(key, $"must be between {min} and {max}, not {value}");
            return fallback;
        }

        return value;
    }
}
