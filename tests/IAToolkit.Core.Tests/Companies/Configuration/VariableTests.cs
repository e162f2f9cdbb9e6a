using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using Microsoft.Extensions.Configuration;

namespace IAToolkit.Core.Tests.Companies.Configuration;

/// <summary>Variables named in company.yaml: a missing one warns (the host still starts); secrets never show.</summary>
public sealed class VariableTests
{
    private const string EveryKindOfVariable = """
        id: acme
        name: ACME
        llm: { model: gpt-4o-mini, api-key: ACME_LLM_KEY }
        embedding_provider: { provider: openai, model: text-embedding-3-small, api_key_name: ACME_EMBED_KEY }
        data_sources:
          sql: [{ database: erp, connection_string_env: ACME_ERP_URI }]
        knowledge_base:
          connectors:
            development: { type: local, aws_region_env: NOT_CHECKED_FOR_LOCAL }
            production: { type: s3, bucket: kb, aws_access_key_id_env: KB_ID, aws_secret_access_key_env: KB_SECRET, aws_region_env: KB_REGION, endpoint_url_env: KB_ENDPOINT }
        mail_provider:
          provider: brevo_mail
          sender_email: bot@example.com
          brevo_mail: { brevo_api: ACME_BREVO }
          smtplib: { host_env: NOT_CHECKED_FOR_BREVO }
        """;

    [Test]
    public void Load_NoVariableSet_WarnsOncePerNamingKeyAndLoads()
    {
        using var folder = new TestCompanyFolder().CompanyYaml(EveryKindOfVariable);

        var result = folder.Load();

        Assert.That(result.HasErrors, Is.False);
        Assert.That(result.Warnings.Select(w => $"{w.KeyPath} {w.Message}"), Is.EqualTo(new[]
        {
            "llm.api-key names ACME_LLM_KEY, which is not set",
            "embedding_provider.api_key_name names ACME_EMBED_KEY, which is not set",
            "data_sources.sql[0].connection_string_env names ACME_ERP_URI, which is not set",
            "knowledge_base.connectors.production.aws_access_key_id_env names KB_ID, which is not set",
            "knowledge_base.connectors.production.aws_secret_access_key_env names KB_SECRET, which is not set",
            "knowledge_base.connectors.production.aws_region_env names KB_REGION, which is not set",
            "knowledge_base.connectors.production.endpoint_url_env names KB_ENDPOINT, which is not set",
            "mail_provider.brevo_mail.brevo_api names ACME_BREVO, which is not set",
        }));
    }

    [Test]
    public void Load_EveryVariableSet_HasNoWarningAndNoValueInTheModel()
    {
        string[] set = ["ACME_LLM_KEY", "ACME_EMBED_KEY", "ACME_ERP_URI", "KB_ID", "KB_SECRET", "KB_REGION", "KB_ENDPOINT", "ACME_BREVO"];
        using var folder = new TestCompanyFolder().CompanyYaml(EveryKindOfVariable);

        var result = folder.Load(set);

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Configuration!.ToString(), Does.Not.Contain("value-"), "the model holds variable names, never values");
    }

    [TestCase("sk-proj-abc123DEF456ghi789")]
    [TestCase("0123456789abcdef0123456789abcdef")]
    [TestCase("postgresql://app:s3cret@db/erp")]
    public void Load_SecretWrittenInsteadOfAVariableName_IsAnErrorThatDoesNotRepeatIt(string secret)
    {
        using var folder = new TestCompanyFolder().CompanyYaml($"id: acme\nname: ACME\nllm: {{ model: gpt-4o-mini, api-key: \"{secret}\" }}\n");

        var problem = folder.Load().Problems.Single();

        Assert.That((problem.Severity, problem.KeyPath, problem.Line), Is.EqualTo((ProblemSeverity.Error, "llm.api-key", (int?)3)));
        Assert.That(problem.ToString(), Does.Not.Contain(secret).And.Contain("never the secret itself"));
    }

    [Test]
    public void Resolve_VariableSet_ReturnsItsValue()
    {
        var secrets = new CompanySecrets(Configuration(("ACME_LLM_KEY", "sk-test")));

        Assert.That(secrets.Resolve(new VariableReference("ACME_LLM_KEY", "companies/acme/config/company.yaml", "llm.api-key")), Is.EqualTo("sk-test"));
    }

    [TestCase("")]
    [TestCase(null)]
    public void Resolve_VariableMissingOrEmpty_ThrowsNamingVariableFileAndKey(string? value)
    {
        var secrets = new CompanySecrets(Configuration(("ACME_LLM_KEY", value)));
        var variable = new VariableReference("ACME_LLM_KEY", "companies/acme/config/company.yaml", "llm.api-key");

        var ex = Assert.Throws<IAToolkitException>(() => secrets.Resolve(variable));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCodes.InvalidSettings));
        Assert.That(ex.Message, Does.StartWith("ACME_LLM_KEY is not set: companies/acme/config/company.yaml: llm.api-key names it."));
        Assert.That(secrets.Find(variable), Is.Null);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values)
        => new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
