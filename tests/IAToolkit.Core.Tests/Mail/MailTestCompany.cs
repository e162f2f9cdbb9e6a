using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Core.Tests.Companies;
using IAToolkit.Core.Tests.Companies.Configuration;
using Microsoft.Extensions.Configuration;

namespace IAToolkit.Core.Tests.Mail;

/// <summary>Companies for the mail tests, loaded from a real company.yaml so variable names and key paths are the loader's.</summary>
internal static class MailTestCompany
{
    /// <summary>SMTP with the default variable names (<c>SMTP_HOST</c>, <c>SMTP_PORT</c>, …).</summary>
    public const string Smtp = """
        mail_provider:
          provider: smtplib
          sender_email: assistant@acme.example
          sender_name: ACME Assistant
        """;

    /// <summary>SMTP with the company's own variable names.</summary>
    public const string SmtpOwnNames = """
        mail_provider:
          provider: smtplib
          sender_email: assistant@acme.example
          smtplib: { host_env: ACME_SMTP_HOST, port_env: ACME_SMTP_PORT, use_ssl_env: ACME_SMTP_SSL, use_tls_env: ACME_SMTP_TLS }
        """;

    /// <summary>Brevo with its key in <c>ACME_BREVO_KEY</c>.</summary>
    public const string Brevo = """
        mail_provider:
          provider: brevo_mail
          sender_email: assistant@acme.example
          sender_name: ACME Assistant
          brevo_mail: { brevo_api: ACME_BREVO_KEY }
        """;

    public const string Branding = """
        branding:
          brand_primary_color: "#AA3300"
          brand_text_on_primary: "#FFFFEE"
        """;

    /// <summary>The company <c>acme</c> (name "ACME &amp; Sons") with the given extra company.yaml sections.</summary>
    public static Company Create(params string[] sections)
    {
        var yaml = """
            id: acme
            name: ACME & Sons
            llm: { model: gpt-4o-mini, api-key: OPENAI_API_KEY }

            """ + string.Join("\n", sections);
        using var folder = new TestCompanyFolder().CompanyYaml(yaml);
        var result = new CompanyConfigurationLoader(new ConfigurationBuilder().Build()).Load(folder.ShortName, folder.Path, folder.Display);
        Assert.That(result.Errors, Is.Empty, "the test company.yaml loads");
        var implementation = new AcmeCompany();
        return new Company(1, folder.ShortName, folder.Path, result.Configuration!, implementation);
    }
}
