using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Core.Tests.Companies.Configuration;

/// <summary>The sample company as it ships in samples/SampleCompany loads cleanly.</summary>
public sealed class SampleCompanyFolderTests
{
    private static readonly string[] Variables =
    [
        "OPENAI_API_KEY", "SAMPLE_DATABASE_URI", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION",
        "SMTP_HOST", "SMTP_PORT",
    ];

    [Test]
    public void Load_SampleWithItsVariablesSet_HasNoProblems()
    {
        var result = Load(Variables);

        Assert.That(result.Problems, Is.Empty, string.Join(Environment.NewLine, result.Problems));
        Assert.That(result.Configuration, Is.Not.Null);
    }

    [Test]
    public void Load_SampleOnAHostWithoutVariables_StillLoadsAndNamesEachMissingRequiredVariable()
    {
        var result = Load([]);

        Assert.That(result.HasErrors, Is.False);
        Assert.That(result.Warnings.Select(w => w.Message), Is.EquivalentTo(Variables.Select(v => $"names {v}, which is not set")));
        Assert.That(result.Warnings.Select(w => w.File), Has.All.EqualTo("companies/sample_company/config/company.yaml"));
    }

    [Test]
    public void Load_Sample_DescribesTheDemoCompany()
    {
        var company = Load(Variables).Configuration!;

        Assert.That((company.Id, company.Name, company.Locale), Is.EqualTo(("sample_company", "Sample Company", "en_US")));
        Assert.That((company.Llm.Model, company.Llm.ApiKey!.Name), Is.EqualTo(("gpt-4o-mini", "OPENAI_API_KEY")));
        Assert.That((company.Embedding!.Provider, company.Embedding.Model, company.Embedding.ApiKey), Is.EqualTo((EmbeddingProvider.Local, "all-MiniLM-L6-v2", (VariableReference?)null)));
        var database = company.SqlDataSources.Single();
        Assert.That((database.Database, database.ConnectionString.Name, database.IncludeAllTables), Is.EqualTo(("sample_database", "SAMPLE_DATABASE_URI", true)));
        Assert.That(database.ExcludeColumns, Is.EqualTo(new[] { "created", "updated" }));
        Assert.That(company.PromptCategories.Select(c => c.Name), Is.EqualTo(new[] { "General", "Advanced analysis" }));
        Assert.That(company.Prompts.Select(p => p.Name), Is.EqualTo(new[] { "sales_analysis", "supplier_report", "shipping_analysis" }));
        Assert.That(company.Prompts[1].CustomFields.Single().DataKey, Is.EqualTo("supplier_id"));
        Assert.That(company.Prompts[2].CustomFields.Select(f => (f.DataKey, f.Type)), Is.EqualTo(new[] { ("init_date", "date"), ("end_date", "date") }));
        Assert.That(company.PromptFiles, Is.EquivalentTo(company.Prompts.Select(p => p.Name)));
        Assert.That(company.Parameters.VerifyAccount, Is.False);
        Assert.That(company.Parameters.UserFeedback!.Destination, Does.EndWith("@example.com"));
        Assert.That(company.Parameters.LogoutUrl, Is.Null);
        Assert.That(company.OnboardingCards, Has.Count.EqualTo(6));
        Assert.That(company.HelpContent!.Capabilities.CannotDo, Is.Not.Empty);
        Assert.That(company.KnowledgeBase!.Development.Type, Is.EqualTo(ConnectorType.Local));
        Assert.That(company.KnowledgeBase.Production!.Type, Is.EqualTo(ConnectorType.S3));
        Assert.That(company.KnowledgeBase.DocumentSources.Select(s => (s.Name, s.Metadata["type"].GetString())), Is.EqualTo(new[]
        {
            ("supplier_manuals", "supplier_manual"), ("employee_contracts", "employee_contract"),
        }));
        Assert.That((company.Mail!.Provider, company.Mail.SenderEmail), Is.EqualTo((MailProvider.Smtp, "assistant@example.com")));
        Assert.That(company.ContextFiles, Is.EqualTo(new[] { "context/sample_company_business.md" }));
    }

    private static CompanyLoadResult Load(IEnumerable<string> variables)
        => TestCompanyFolder.LoadFolder(
            "sample_company",
            Path.Combine(TestContext.CurrentContext.TestDirectory, "Samples", "companies", "sample_company"),
            "companies/sample_company",
            variables);
}
