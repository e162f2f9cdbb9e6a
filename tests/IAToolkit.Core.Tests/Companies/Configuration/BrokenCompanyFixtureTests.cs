using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Core.Tests.Companies.Configuration;

/// <summary>A folder with many mistakes at once: every one is reported, with its file, key path and line.</summary>
public sealed class BrokenCompanyFixtureTests
{
    private const string Yaml = "companies/acme_retail/config/company.yaml";

    private static readonly (ProblemSeverity Severity, string File, string KeyPath, int Line, string Message)[] Expected =
    [
        (ProblemSeverity.Error, Yaml, "id", 2, "'acme' must equal the registered short name 'acme_retail'"),
        (ProblemSeverity.Error, Yaml, "name", 2, "is required"),
        (ProblemSeverity.Error, Yaml, "llm.model", 4, "is required"),
        (ProblemSeverity.Warning, Yaml, "llm.modle", 5, "is not a known key (did you mean llm.model?)"),
        (ProblemSeverity.Error, Yaml, "llm.api-key", 6, "must be the name of an environment variable"),
        (ProblemSeverity.Error, Yaml, "llm.provider", 7, "'gemini' is not one of openai, azure, openai_compatible"),
        (ProblemSeverity.Error, Yaml, "embedding_provider.api_key_name", 8, "is required"),
        (ProblemSeverity.Warning, Yaml, "data_sources.sql[0].connection_string_env", 14, "names ERP_URI, which is not set"),
        (ProblemSeverity.Error, Yaml, "data_sources.sql[0].exclude_tables", 15, "must be a list, not a single value"),
        (ProblemSeverity.Error, Yaml, "data_sources.sql[0].include_all_tables", 16, "must be true or false"),
        (ProblemSeverity.Error, Yaml, "data_sources.sql[1].database", 17, "'erp' is already the name of data_sources.sql[0]"),
        (ProblemSeverity.Error, Yaml, "data_sources.sql[1].connection_string_env", 17, "is required"),
        (ProblemSeverity.Warning, Yaml, "data_sources.sql[1].tables.orders.schema_nme", 20, "did you mean data_sources.sql[1].tables.orders.schema_name?"),
        (ProblemSeverity.Error, Yaml, "tools[0].function_name", 22, "'iat_sql_query' starts with iat_, which is reserved for the built-in tools"),
        (ProblemSeverity.Error, Yaml, "tools[1].function_name", 25, "'get balance' must be 1 to 64 letters, digits, _ or -"),
        (ProblemSeverity.Error, Yaml, "tools[1].description", 25, "is required"),
        (ProblemSeverity.Error, Yaml, "tools[1].params", 26, "must be a JSON Schema object with type: object"),
        (ProblemSeverity.Error, Yaml, "tools[2].params.properties", 29, "must be a mapping of argument names to their schemas, not a list"),
        (ProblemSeverity.Error, Yaml, "tools[3].function_name", 30, "'lookup' is already the name of tools[2]"),
        (ProblemSeverity.Error, Yaml, "tools[3].params", 32, "must be a JSON Schema object with type: object"),
        (ProblemSeverity.Error, Yaml, "prompts[0].category", 35, "'Operations' is not declared in prompt_categories"),
        (ProblemSeverity.Error, Yaml, "prompts[0].name", 36, "needs prompts/missing_prompt.prompt, which does not exist"),
        (ProblemSeverity.Error, Yaml, "prompts[1].description", 38, "is required"),
        (ProblemSeverity.Error, Yaml, "prompts[1].custom_fields[0].data_key", 41, "is required"),
        (ProblemSeverity.Error, Yaml, "prompts[1].order", 42, "must be a whole number"),
        (ProblemSeverity.Error, Yaml, "parameters.user_feedback.destination", 44, "is required"),
        (ProblemSeverity.Error, Yaml, "parameters.cors_origin", 45, "must be a list, not a single value"),
        (ProblemSeverity.Error, Yaml, "branding.brand_primary_color", 47, "'#12345G' is not a CSS color"),
        (ProblemSeverity.Error, Yaml, "branding.header_text_color", 48, "'42' is not a CSS color"),
        (ProblemSeverity.Error, Yaml, "help_files.onboarding_cards", 50, "names config/cards.yaml, which does not exist"),
        (ProblemSeverity.Error, Yaml, "knowledge_base.connectors.production.type", 54, "'gcs' is not one of local, s3"),
        (ProblemSeverity.Error, Yaml, "knowledge_base.connectors.development.bucket", 55, "is required"),
        (ProblemSeverity.Warning, Yaml, "knowledge_base.connectors.development.aws_access_key_id_env", 55, "names AWS_ACCESS_KEY_ID, which is not set"),
        (ProblemSeverity.Warning, Yaml, "knowledge_base.connectors.development.aws_secret_access_key_env", 55, "names AWS_SECRET_ACCESS_KEY, which is not set"),
        (ProblemSeverity.Warning, Yaml, "knowledge_base.connectors.development.aws_region_env", 55, "names AWS_REGION, which is not set"),
        (ProblemSeverity.Error, Yaml, "mail_provider.sender_email", 56, "is required"),
        (ProblemSeverity.Error, Yaml, "mail_provider.provider", 57, "'sendgrid' is not one of brevo_mail, smtplib"),
        (ProblemSeverity.Error, "companies/acme_retail/config/help_content.yaml", "", 3, "is not valid YAML at column 4"),
        (ProblemSeverity.Error, "companies/acme_retail/schema/orders.yaml", "", 1, "must be a mapping whose one root key is the entity's name, not a list"),
    ];

    private CompanyLoadResult _result = null!;

    [OneTimeSetUp]
    public void LoadFixture()
        => _result = TestCompanyFolder.LoadFolder(
            "acme_retail", Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "broken_company"), "companies/acme_retail", []);

    [Test]
    public void Load_ManyMistakes_RefusesTheCompany()
    {
        Assert.That(_result.HasErrors, Is.True);
        Assert.That(_result.Configuration, Is.Null);
    }

    [TestCaseSource(nameof(Expected))]
    public void Load_ManyMistakes_ReportsEachWithFileKeyPathAndLine(object expectedCase)
    {
        // Typed as object because a public test method cannot take the internal ProblemSeverity.
        var expected = ((ProblemSeverity Severity, string File, string KeyPath, int Line, string Message))expectedCase;
        var found = _result.Problems.Where(p => p.File == expected.File && p.KeyPath == expected.KeyPath && p.Message.Contains(expected.Message, StringComparison.Ordinal));

        Assert.That(found.Select(p => (p.Severity, p.Line)), Is.EqualTo(new[] { (expected.Severity, (int?)expected.Line) }), string.Join(Environment.NewLine, _result.Problems));
    }

    [Test]
    public void Load_ManyMistakes_ReportsNothingElseInFileAndLineOrder()
    {
        Assert.That(_result.Problems.Select(p => (p.File, p.KeyPath)), Is.EqualTo(Expected.Select(e => (e.File, e.KeyPath))));
    }

    [Test]
    public void Load_SecretPastedAsVariableName_IsNeverRepeated()
    {
        Assert.That(_result.Problems.Select(p => p.ToString()), Has.None.Contains("sk-proj").And.None.Contains("abc123"));
    }

    [Test]
    public void ToString_BrokenProblem_ReadsAsFileKeyMessageLine()
    {
        var problem = _result.Problems.Single(p => p.KeyPath == "prompts[0].category");

        Assert.That(problem.ToString(), Is.EqualTo($"{Yaml}: prompts[0].category 'Operations' is not declared in prompt_categories (line 35)"));
    }
}
