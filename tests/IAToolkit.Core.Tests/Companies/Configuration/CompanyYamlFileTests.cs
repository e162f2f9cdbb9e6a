using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Core.Tests.Companies.Configuration;

/// <summary>Problems with a file as a whole: missing, not YAML, empty, several documents, the wrong root.</summary>
public sealed class CompanyYamlFileTests
{
    [Test]
    public void Load_NoCompanyYaml_IsOneErrorNamingTheFile()
    {
        using var folder = new TestCompanyFolder();

        var problem = folder.Load().Problems.Single();

        Assert.That(problem.ToString(), Is.EqualTo("companies/acme/config/company.yaml: is missing"));
    }

    [Test]
    public void Load_BadIndentation_IsOneErrorWithLineAndColumn()
    {
        using var folder = new TestCompanyFolder().CompanyYaml("""
            id: acme
            name: ACME
            llm:
              model: gpt-4o-mini
               api-key: OPENAI_API_KEY
            """);

        var problem = folder.Load().Problems.Single();

        Assert.That((problem.Severity, problem.File, problem.Line), Is.EqualTo((ProblemSeverity.Error, folder.CompanyFile, (int?)5)));
        Assert.That(problem.Message, Does.StartWith("is not valid YAML at column "));
    }

    [Test]
    public void Load_FlowListNeverClosed_PointsAtTheOpeningBracket()
    {
        using var folder = new TestCompanyFolder().CompanyYaml(TestCompanyFolder.MinimalYaml + """
            prompt_categories: ["Sales", "Operations"
            branding: {}
            """);

        var problem = folder.Load().Problems.Single();

        Assert.That(problem.Line, Is.EqualTo(6));
        Assert.That(problem.Message, Is.EqualTo("is not valid YAML at column 20: the '[' opened here is never closed."));
    }

    [Test]
    public void Load_DuplicateKey_IsAnErrorAtTheSecondOne()
    {
        using var folder = new TestCompanyFolder().CompanyYaml(TestCompanyFolder.MinimalYaml + "name: ACME again\n");

        var problem = folder.Load().Problems.Single();

        Assert.That((problem.Line, problem.Message), Is.EqualTo(((int?)6, "is not valid YAML at column 1: Duplicate key name")));
    }

    [Test]
    public void Load_TwoDocuments_IsAnError()
    {
        using var folder = new TestCompanyFolder().CompanyYaml(TestCompanyFolder.MinimalYaml + "---\nid: other\n");

        Assert.That(folder.Load().Problems.Single().Message, Does.StartWith("holds 2 YAML documents"));
    }

    [TestCase("", "is empty")]
    [TestCase("# nothing but a comment\n", "is empty")]
    [TestCase("- id: acme\n", "must be a mapping of keys (id, name, llm, …), not a list")]
    public void Load_NotACompanyMapping_IsOneError(string yaml, string message)
    {
        using var folder = new TestCompanyFolder().CompanyYaml(yaml);

        Assert.That(folder.Load().Problems.Select(p => p.Message), Is.EqualTo(new[] { message }));
    }

    [Test]
    public void Load_BrokenCompanyYaml_StillChecksTheRestOfTheFolder()
    {
        using var folder = new TestCompanyFolder()
            .CompanyYaml("id: [acme\n")
            .File("schema/orders.yaml", "orders: {description: [unclosed}\n");

        var result = folder.Load();

        Assert.That(result.Problems.Select(p => p.File), Is.EqualTo(new[] { folder.CompanyFile, "companies/acme/schema/orders.yaml" }));
    }

    [Test]
    public void Load_QuotedUnquotedFlowAndBlockStyles_ReadTheSame()
    {
        using var folder = new TestCompanyFolder().CompanyYaml("""
            'id': "acme"
            name: 'ACME'   # a comment
            llm: { model: gpt-4o-mini, "api-key": OPENAI_API_KEY }
            prompt_categories:
              - Sales
            """);

        var company = folder.Load("OPENAI_API_KEY").Configuration!;

        Assert.That((company.Id, company.Name, company.Llm.Model, company.Llm.ApiKey!.Name), Is.EqualTo(("acme", "ACME", "gpt-4o-mini", "OPENAI_API_KEY")));
        Assert.That(company.PromptCategories.Single().Name, Is.EqualTo("Sales"));
    }

    [Test]
    public void Load_SchemaFiles_MustParseAndHaveOneRootKey()
    {
        using var folder = new TestCompanyFolder().CompanyYaml(TestCompanyFolder.MinimalYaml)
            .File("schema/b_customer.yaml", "customer:\n  description: One row per customer.\n")
            .File("schema/a_two.yaml", "first: {}\nsecond: {}\n")
            .File("schema/notes.txt", "not a schema");

        var result = folder.Load("OPENAI_API_KEY");

        Assert.That(result.Configuration!.SchemaFiles.Select(s => (s.Path, s.EntityName)), Is.EqualTo(new[]
        {
            ("schema/a_two.yaml", "first"), ("schema/b_customer.yaml", "customer"),
        }));
        Assert.That(result.Warnings.Single().ToString(), Is.EqualTo("companies/acme/schema/a_two.yaml: has 2 root keys; one is expected (the entity's name), so 'first' is used (line 1)"));
    }
}
