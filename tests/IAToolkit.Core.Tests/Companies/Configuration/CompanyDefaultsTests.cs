using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Core.Tests.Companies.Configuration;

/// <summary>What a key means when it is not written, as in the Python IAToolkit.</summary>
public sealed class CompanyDefaultsTests
{
    [Test]
    public void Load_MinimalCompany_TakesTheDocumentedDefaults()
    {
        using var folder = new TestCompanyFolder().CompanyYaml(TestCompanyFolder.MinimalYaml);

        var result = folder.Load("OPENAI_API_KEY");
        var company = result.Configuration!;

        Assert.That(result.Problems, Is.Empty);
        Assert.That((company.Locale, company.Language), Is.EqualTo(("en_US", "en")));
        Assert.That(company.HasLocale, Is.False, "without a locale the pages follow the reader's browser");
        Assert.That(company.Description, Is.Null);
        Assert.That(company.Llm.Provider, Is.EqualTo(LlmProvider.OpenAI));
        Assert.That(company.Parameters.VerifyAccount, Is.True);
        Assert.That(company.Parameters.UserFeedback, Is.Null);
        Assert.That(company.ParametersJson, Is.EqualTo("{}"));
        Assert.That((company.Embedding, company.KnowledgeBase, company.Mail, company.HelpContent), Is.EqualTo(((EmbeddingSettings?)null, (KnowledgeBaseSettings?)null, (MailSettings?)null, (HelpContent?)null)));
        Assert.That(company.Branding, Is.Empty);
        Assert.That(company.Tools, Is.Empty);
    }

    [Test]
    public void Load_LocaleAndDescription_AreKeptForThePages()
    {
        using var folder = new TestCompanyFolder().CompanyYaml(TestCompanyFolder.MinimalYaml + """
            locale: es_CL
            description: "  Answers about ACME's stores.  "
            """);

        var result = folder.Load("OPENAI_API_KEY");
        var company = result.Configuration!;

        Assert.That(result.Problems, Is.Empty, "description is a known key");
        Assert.That((company.HasLocale, company.Language), Is.EqualTo((true, "es")));
        Assert.That(company.Description, Is.EqualTo("Answers about ACME's stores."));
    }

    [Test]
    public void Load_PromptAndFieldWithoutActiveOrType_AreActiveAndText()
    {
        using var folder = new TestCompanyFolder().Prompt("report").CompanyYaml(TestCompanyFolder.MinimalYaml + """
            prompt_categories: [General]
            prompts:
              - category: General
                name: report
                description: Report
                custom_fields: [{ data_key: customer, label: Customer }]
            """);

        var prompt = folder.Load("OPENAI_API_KEY").Configuration!.Prompts.Single();

        Assert.That((prompt.Active, prompt.Order, prompt.TemplatePath), Is.EqualTo((true, (int?)null, "prompts/report.prompt")));
        Assert.That(prompt.CustomFields.Single().Type, Is.EqualTo("text"));
    }

    [Test]
    public void Load_EmptyOrNullSections_CountAsAbsent()
    {
        using var folder = new TestCompanyFolder().CompanyYaml(TestCompanyFolder.MinimalYaml + """
            parameters:
            branding: ~
            knowledge_base:
              document_sources:
                manuals: { path: docs/manuals, metadata: null }
            """);

        var result = folder.Load("OPENAI_API_KEY");

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Configuration!.Parameters.VerifyAccount, Is.True);
        Assert.That(result.Configuration.KnowledgeBase!.Development.Type, Is.EqualTo(ConnectorType.Local), "development defaults to a local connector");
        Assert.That(result.Configuration.KnowledgeBase.DocumentSources.Single().Metadata, Is.Empty);
    }

    [Test]
    public void Load_MailWithoutVariableNames_UsesTheStandardVariables()
    {
        using var folder = new TestCompanyFolder().CompanyYaml(TestCompanyFolder.MinimalYaml + """
            mail_provider: { provider: smtplib, sender_email: bot@example.com }
            """);

        var mail = folder.Load("OPENAI_API_KEY").Configuration!.Mail!;

        Assert.That(new[] { mail.Smtp.Host, mail.Smtp.Port, mail.Smtp.Username, mail.Smtp.Password, mail.Smtp.UseTls, mail.Smtp.UseSsl }.Select(v => v.Name),
            Is.EqualTo(new[] { "SMTP_HOST", "SMTP_PORT", "SMTP_USERNAME", "SMTP_PASSWORD", "SMTP_USE_TLS", "SMTP_USE_SSL" }));
        Assert.That(mail.BrevoApiKey.Name, Is.EqualTo("BREVO_API_KEY"));
    }

    [Test]
    public void Load_S3ConnectorWithoutVariableNames_UsesTheAwsVariables()
    {
        using var folder = new TestCompanyFolder().CompanyYaml(TestCompanyFolder.MinimalYaml + """
            knowledge_base:
              connectors:
                production: { type: s3, bucket: kb, endpoint_url_env: S3_ENDPOINT }
            """);

        var s3 = folder.Load("OPENAI_API_KEY").Configuration!.KnowledgeBase!.Production!;

        Assert.That((s3.AccessKeyId!.Name, s3.SecretAccessKey!.Name, s3.Region!.Name, s3.EndpointUrl!.Name),
            Is.EqualTo(("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION", "S3_ENDPOINT")));
    }
}
