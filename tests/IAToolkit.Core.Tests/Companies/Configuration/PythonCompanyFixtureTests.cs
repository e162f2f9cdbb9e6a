using System.Text.Json;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Core.Tests.Companies.Configuration;

/// <summary>A folder written for the Python IAToolkit (every section of its company.yaml) loads unchanged.</summary>
public sealed class PythonCompanyFixtureTests
{
    private static readonly string[] Variables =
    [
        "ACME_OPENAI_KEY", "ACME_ERP_URI", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION",
        "SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASS", "SMTP_TLS", "SMTP_SSL",
    ];

    private CompanyConfiguration _company = null!;

    [OneTimeSetUp]
    public void LoadFixture()
    {
        var result = Load(Variables);
        Assert.That(result.Problems, Is.Empty, string.Join(Environment.NewLine, result.Problems));
        _company = result.Configuration!;
    }

    [Test]
    public void Load_PythonFolderWithoutItsVariables_OnlyWarnsAboutEachVariable()
    {
        var result = Load([]);

        Assert.That(result.HasErrors, Is.False);
        Assert.That(result.Warnings.Select(w => w.Message), Has.All.Match("^names [A-Z_]+, which is not set$"));
        Assert.That(result.Warnings.Select(w => w.KeyPath), Does.Contain("llm.api-key").And.Contain("data_sources.sql[0].connection_string_env"));
    }

    [Test]
    public void Load_GeneralAndModels_AreTyped()
    {
        Assert.That((_company.Id, _company.Name, _company.Locale, _company.Language), Is.EqualTo(("acme_retail", "ACME Retail", "en_US", "en")));
        Assert.That(_company.Llm.Model, Is.EqualTo("gpt-5-mini"));
        Assert.That(_company.Llm.ApiKey!.Name, Is.EqualTo("ACME_OPENAI_KEY"));
        Assert.That(_company.Llm.Provider, Is.EqualTo(LlmProvider.OpenAI));
        Assert.That(_company.Embedding, Is.EqualTo(new EmbeddingSettings
        {
            Provider = EmbeddingProvider.OpenAI,
            Model = "text-embedding-3-small",
            ApiKey = new VariableReference("ACME_OPENAI_KEY", "companies/acme_retail/config/company.yaml", "embedding_provider.api_key_name"),
        }));
    }

    [Test]
    public void Load_SqlSource_KeepsRulesAndPerTableOverrides()
    {
        var erp = _company.SqlDataSources.Single();

        Assert.That((erp.Database, erp.ConnectionString.Name, erp.IncludeAllTables, erp.TablePrefix), Is.EqualTo(("erp", "ACME_ERP_URI", true, "erp_")));
        Assert.That(erp.Description, Does.StartWith("Sales, stock and purchasing data of ACME.\nOne row"));
        Assert.That(erp.ExcludeTables, Is.EqualTo(new[] { "audit_log", "tmp_import" }));
        Assert.That(erp.ExcludeColumns, Is.EqualTo(new[] { "created_at", "updated_at" }));
        Assert.That(erp.Tables.Keys, Is.EqualTo(new[] { "erp_invoices", "erp_customers", "erp_stock", "erp_suppliers" }));
        Assert.That(erp.Tables["erp_invoices"].SchemaName, Is.EqualTo("invoice"));
        Assert.That(erp.Tables["erp_invoices"].ExcludeColumns, Is.EqualTo(new[] { "pdf_blob" }));
        Assert.That(erp.Tables["erp_customers"].Description, Is.EqualTo("Customers, one row each"));
        Assert.That(erp.Tables["erp_stock"].ExcludeColumns, Is.Empty, "an empty list replaces the global one");
        Assert.That(erp.Tables["erp_suppliers"].ExcludeColumns, Is.Null, "no list inherits the global one");
    }

    [Test]
    public void Load_ToolParams_BecomeJsonSchemaWithTypedScalars()
    {
        var tool = _company.Tools.Single();
        var properties = tool.Parameters.GetProperty("properties");

        Assert.That(tool.FunctionName, Is.EqualTo("get_customer_balance"));
        Assert.That(tool.Parameters.GetProperty("type").GetString(), Is.EqualTo("object"));
        Assert.That(properties.GetProperty("include_overdue").GetProperty("default").ValueKind, Is.EqualTo(JsonValueKind.True));
        Assert.That(properties.GetProperty("max_rows").GetProperty("maximum").GetInt32(), Is.EqualTo(500));
        Assert.That(properties.GetProperty("ratio").GetProperty("default").GetDouble(), Is.EqualTo(0.25));
        Assert.That(properties.GetProperty("note").GetProperty("default").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(tool.Parameters.GetProperty("additionalProperties").ValueKind, Is.EqualTo(JsonValueKind.False));
        Assert.That(tool.Parameters.GetProperty("required").GetArrayLength(), Is.EqualTo(5));
    }

    [Test]
    public void Load_Prompts_KeepCategoriesOrderAndFields()
    {
        Assert.That(_company.PromptCategories, Is.EqualTo(new[] { new PromptCategory("Sales", 1), new PromptCategory("Operations", 2) }));
        var late = _company.Prompts[1];
        Assert.That((late.Category, late.Name, late.Order, late.Active), Is.EqualTo(("Operations", "late_shipments", (int?)2, false)));
        Assert.That(late.CustomFields.Select(f => (f.DataKey, f.Label, f.Type)), Is.EqualTo(new[]
        {
            ("from_date", "From", "date"), ("to_date", "To", "date"), ("warehouse", "Warehouse", "text"),
        }));
        Assert.That(_company.Prompts[0].Active, Is.True);
        Assert.That(_company.PromptFiles, Is.EqualTo(new[] { "late_shipments", "monthly_sales" }));
    }

    [Test]
    public void Load_Parameters_AreTypedAndStoredWholeAsJson()
    {
        Assert.That(_company.Parameters.VerifyAccount, Is.True);
        Assert.That(_company.Parameters.UserFeedback, Is.EqualTo(new UserFeedbackSettings(FeedbackChannel.GoogleChat, "spaces/AAAAxyz")));
        Assert.That(_company.Parameters.CorsOrigins, Has.Count.EqualTo(2));
        Assert.That(_company.Parameters.LogoutUrl, Is.EqualTo(new Uri("https://intranet.acme.example/portal")));

        using var json = JsonDocument.Parse(_company.ParametersJson);
        Assert.That(json.RootElement.GetProperty("max_upload_mb").GetInt32(), Is.EqualTo(20));
        Assert.That(json.RootElement.GetProperty("verify_account").ValueKind, Is.EqualTo(JsonValueKind.True));
        Assert.That(json.RootElement.GetProperty("regions")[1].GetString(), Is.EqualTo("south"));
        Assert.That(_company.ParametersJson, Does.Not.Contain("\n"));
    }

    [Test]
    public void Load_BrandingAndHelpFiles_AreRead()
    {
        Assert.That(_company.Branding["brand_primary_color"], Is.EqualTo("#1F3A5F"));
        Assert.That(_company.Branding["primary_font_weight"], Is.EqualTo("600"));
        Assert.That(_company.OnboardingCards.Select(c => c.Title), Is.EqualTo(new[] { "Ask about your data", "Search documents", "Safe" }));
        Assert.That(_company.OnboardingCards[0].Example, Is.EqualTo("Top 5 customers in 2025?"));
        Assert.That(_company.OnboardingCards[1].Text, Does.Contain("supplier manuals,\nwith the page"));
        var help = _company.HelpContent!;
        Assert.That(help.ExampleQuestions.Single().Questions, Has.Count.EqualTo(2));
        Assert.That(help.DataSources.Single().Source, Is.EqualTo("ERP"));
        Assert.That(help.BestPractices[1].Example, Does.StartWith("In the HR policies"));
        Assert.That(help.Capabilities.CannotDo, Is.EqualTo(new[] { "Browse the internet" }));
    }

    [Test]
    public void Load_KnowledgeBaseMailAndFolderFiles_AreRead()
    {
        var kb = _company.KnowledgeBase!;
        Assert.That(kb.Development.Type, Is.EqualTo(ConnectorType.Local));
        Assert.That((kb.Production!.Type, kb.Production.Bucket, kb.Production.Prefix), Is.EqualTo((ConnectorType.S3, "acme-kb", "acme_retail/")));
        Assert.That(kb.Production.Region!.Name, Is.EqualTo("AWS_REGION"));
        Assert.That(kb.DocumentSources.Select(s => s.Name), Is.EqualTo(new[] { "hr_policies", "supplier_manuals" }));
        Assert.That(kb.DocumentSources[1].Metadata["confidential"].ValueKind, Is.EqualTo(JsonValueKind.False), "PyYAML reads 'no' as false");
        Assert.That(kb.DocumentSources[1].Metadata["version"].GetInt32(), Is.EqualTo(3));

        var mail = _company.Mail!;
        Assert.That((mail.Provider, mail.SenderEmail, mail.SenderName), Is.EqualTo((MailProvider.Smtp, "assistant@acme.example", "ACME Assistant")));
        Assert.That((mail.Smtp.Username.Name, mail.Smtp.UseSsl.Name), Is.EqualTo(("SMTP_USER", "SMTP_SSL")));

        Assert.That(_company.ContextFiles, Is.EqualTo(new[] { "context/01_business.md", "context/02_glossary.md" }));
        Assert.That(_company.SchemaFiles, Is.EqualTo(new[] { new SchemaFile("schema/invoice.yaml", "invoice") }));
    }

    private static CompanyLoadResult Load(IEnumerable<string> variables)
        => TestCompanyFolder.LoadFolder("acme_retail", Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "python_company"), "companies/acme_retail", variables);
}
