using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Core.Tests.Companies.Configuration;

/// <summary><c>mail_provider.tool</c>: the policy of <c>iat_send_email</c>, its defaults and its errors by key path.</summary>
[Category("Security")]
public sealed class MailToolConfigurationTests
{
    private const string Mail = "mail_provider:\n  provider: smtplib\n  sender_email: assistant@Acme.example\n";

    [Test]
    public void Load_NoToolSection_DefaultsToTheSenderDomainAndTightCaps()
    {
        var result = Load(Mail);

        Assert.That(result.Problems, Is.Empty);
        var tool = result.Configuration!.Mail!.Tool;
        Assert.That(tool.AllowedRecipients, Is.EqualTo(MailRecipientScope.Domains));
        Assert.That(tool.AllowedDomains, Is.EqualTo(new[] { "acme.example" }), "the sender's domain, lower case");
        Assert.That(
            (tool.MaxRecipients, tool.MaxSubjectChars, tool.MaxBodyChars, tool.PerUserPerHour, tool.PerCompanyPerHour),
            Is.EqualTo((5, 200, 20_000, 10, 100)));
    }

    [Test]
    public void Load_FullToolSection_IsRead()
    {
        var result = Load(Mail + """
              tool:
                allowed_recipients: SELF
                allowed_domains: [Acme.example, "münchen.example", sales.acme.example, acme.example]
                max_recipients: 2
                max_subject_chars: 80
                max_body_chars: 5000
                per_user_per_hour: 3
                per_company_per_hour: 7

            """);

        Assert.That(result.Problems, Is.Empty);
        var tool = result.Configuration!.Mail!.Tool;
        Assert.That(tool.AllowedRecipients, Is.EqualTo(MailRecipientScope.Self));
        Assert.That(tool.AllowedDomains, Is.EqualTo(new[] { "acme.example", "xn--mnchen-3ya.example", "sales.acme.example" }), "IDNs in their xn-- form, duplicates once");
        Assert.That(
            (tool.MaxRecipients, tool.MaxSubjectChars, tool.MaxBodyChars, tool.PerUserPerHour, tool.PerCompanyPerHour),
            Is.EqualTo((2, 80, 5000, 3, 7)));
    }

    [TestCase("allowed_recipients: everyone", "mail_provider.tool.allowed_recipients", "'everyone' is not one of self, domains, any")]
    [TestCase("allowed_domains: [\"*.acme.example\"]", "mail_provider.tool.allowed_domains[0]", "'*.acme.example' is not a domain name such as example.com (no '@', no wildcard; each subdomain is listed on its own)")]
    [TestCase("allowed_domains: [ok.example, \"@acme.example\"]", "mail_provider.tool.allowed_domains[1]", "'@acme.example' is not a domain name such as example.com (no '@', no wildcard; each subdomain is listed on its own)")]
    [TestCase("allowed_domains: [localhost]", "mail_provider.tool.allowed_domains[0]", "'localhost' is not a domain name such as example.com (no '@', no wildcard; each subdomain is listed on its own)")]
    [TestCase("allowed_domains: acme.example", "mail_provider.tool.allowed_domains", "must be a list, not a single value")]
    [TestCase("max_recipients: 0", "mail_provider.tool.max_recipients", "must be between 1 and 100, not 0")]
    [TestCase("max_recipients: 1000", "mail_provider.tool.max_recipients", "must be between 1 and 100, not 1000")]
    [TestCase("max_subject_chars: 5000", "mail_provider.tool.max_subject_chars", "must be between 1 and 998, not 5000")]
    [TestCase("max_body_chars: -1", "mail_provider.tool.max_body_chars", "must be between 1 and 1000000, not -1")]
    [TestCase("per_user_per_hour: lots", "mail_provider.tool.per_user_per_hour", "must be a whole number")]
    [TestCase("per_company_per_hour: 0", "mail_provider.tool.per_company_per_hour", "must be between 1 and 100000, not 0")]
    public void Load_BadToolValue_IsAnErrorAtItsKeyPath(string line, string keyPath, string message)
    {
        var result = Load(Mail + "  tool:\n    " + line + "\n");

        var problem = result.Errors.Single();
        Assert.That((problem.KeyPath, problem.Message), Is.EqualTo((keyPath, message)));
        Assert.That(problem.File, Does.EndWith("config/company.yaml"));
        Assert.That(problem.Line, Is.GreaterThanOrEqualTo(9));
        Assert.That(result.Configuration, Is.Null, "a company with an error does not load");
    }

    [Test]
    public void Load_ToolIsNotAMapping_IsAnError()
    {
        var problem = Load(Mail + "  tool: strict\n").Errors.Single();

        Assert.That((problem.KeyPath, problem.Message), Is.EqualTo(("mail_provider.tool", "must be a mapping (key: value lines), not a single value")));
    }

    [Test]
    public void Load_UnknownToolKey_WarnsWithASuggestion()
    {
        var result = Load(Mail + "  tool:\n    max_recipient: 3\n    bcc_allowed: true\n");

        Assert.That(result.Errors, Is.Empty);
        var warnings = result.Warnings.Select(w => (w.KeyPath, w.Message)).ToList();
        Assert.That(warnings, Does.Contain(("mail_provider.tool.max_recipient", "is not a known key (did you mean mail_provider.tool.max_recipients?)")));
        Assert.That(warnings, Does.Contain(("mail_provider.tool.bcc_allowed", "is not a known key")));
        Assert.That(result.Configuration!.Mail!.Tool.MaxRecipients, Is.EqualTo(5), "the misspelt key is not used");
    }

    [Test]
    public void Load_AnyRecipient_LoadsWithALoudWarning()
    {
        var result = Load(Mail + "  tool:\n    allowed_recipients: any\n");

        Assert.That(result.Configuration!.Mail!.Tool.AllowedRecipients, Is.EqualTo(MailRecipientScope.Any));
        var warning = result.Warnings.Single();
        Assert.That(warning.KeyPath, Is.EqualTo("mail_provider.tool.allowed_recipients"));
        Assert.That(warning.Message, Does.Contain("prompt-injected model can mail company data to any address"));
    }

    private static CompanyLoadResult Load(string yaml)
    {
        using var folder = new TestCompanyFolder().CompanyYaml(TestCompanyFolder.MinimalYaml + yaml);
        return folder.Load("OPENAI_API_KEY", "SMTP_HOST", "SMTP_PORT");
    }
}
