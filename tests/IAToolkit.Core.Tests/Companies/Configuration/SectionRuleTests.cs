using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Core.Tests.Companies.Configuration;

/// <summary>The rules of each section, one mistake at a time: the error a user gets and where it points.</summary>
public sealed class SectionRuleTests
{
    [TestCase("data_sources:\n  sql:\n    - { database: erp, connection_string_env: ERP, exclude_columns: created }\n", "data_sources.sql[0].exclude_columns", "must be a list, not a single value")]
    [TestCase("data_sources:\n  sql: { database: erp }\n", "data_sources.sql", "must be a list, not a mapping")]
    [TestCase("tools: get_balance\n", "tools", "must be a list, not a single value")]
    [TestCase("mail_provider: [smtplib]\n", "mail_provider", "must be a mapping (key: value lines), not a list")]
    [TestCase("branding: { header_text_color: [1, 2] }\n", "branding.header_text_color", "must be a single value, not a list")]
    [TestCase("prompt_categories: [[A]]\n", "prompt_categories[0]", "must be a category name or a {name, order} mapping, not a list")]
    [TestCase("parameters: { verify_account: sometimes }\n", "parameters.verify_account", "must be true or false")]
    [TestCase("knowledge_base:\n  document_sources:\n    hr: { path: hr, metadata: { tags: [a, b] } }\n", "knowledge_base.document_sources.hr.metadata.tags", "must be a single value (text, number, true or false), not a list")]
    public void Load_WrongKindOfValue_IsAnErrorAtItsKey(string section, string keyPath, string message)
    {
        var problem = LoadWith(section).Errors.Single();

        Assert.That((problem.KeyPath, problem.Message), Is.EqualTo((keyPath, message)));
        Assert.That(problem.Line, Is.GreaterThanOrEqualTo(6));
    }

    [TestCase("llm: { model: m, api-key: K, provider: azure }\n", "llm.base_url", "is required when provider is azure")]
    [TestCase("llm: { model: m, provider: openai_compatible, base_url: not-a-url }\n", "llm.base_url", "'not-a-url' is not an absolute http or https URL")]
    [TestCase("llm: { model: m, provider: azure, base_url: https://x.openai.azure.com }\n", "llm.api-key", "is required")]
    [TestCase("llm: { model: m, api-key: K }\nembedding_provider: { provider: azure, model: m, api_key_name: K }\n", "embedding_provider.base_url", "is required when provider is azure")]
    [TestCase("llm: { model: m, api-key: K }\nembedding_provider: { model: m }\n", "embedding_provider.provider", "is required")]
    [TestCase("llm: { model: m, api-key: K }\nembedding_provider: { provider: cohere, model: m }\n", "embedding_provider.provider", "'cohere' is not one of openai, azure, huggingface, local")]
    public void Load_ModelRules_AreEnforced(string yaml, string keyPath, string message)
    {
        using var folder = new TestCompanyFolder().CompanyYaml("id: acme\nname: ACME\n" + yaml);

        var problem = folder.Load("K").Errors.Single();

        Assert.That((problem.KeyPath, problem.Message), Is.EqualTo((keyPath, message)));
    }

    [Test]
    public void Load_GeminiModelWithoutProvider_WarnsHowToReachIt()
    {
        using var folder = new TestCompanyFolder().CompanyYaml("id: acme\nname: ACME\nllm: { model: gemini-2.5-flash, api-key: K }\n");

        var warning = folder.Load("K").Problems.Single();

        Assert.That((warning.Severity, warning.KeyPath), Is.EqualTo((ProblemSeverity.Warning, "llm.model")));
        Assert.That(warning.Message, Does.Contain("provider: openai_compatible"));
    }

    [TestCase("llm: { model: llama3, provider: openai_compatible, base_url: http://localhost:11434/v1 }\n")]
    [TestCase("llm: { model: m, api-key: K }\nembedding_provider: { provider: local, model: all-MiniLM-L6-v2 }\n")]
    [TestCase("llm: { model: m, api-key: K }\nembedding_provider: { provider: huggingface, model: sentence-transformers/all-MiniLM-L6-v2 }\n")]
    public void Load_ProvidersThatNeedNoKey_AreValid(string yaml)
    {
        using var folder = new TestCompanyFolder().CompanyYaml("id: acme\nname: ACME\n" + yaml);

        Assert.That(folder.Load("K").Problems, Is.Empty);
    }

    [TestCase("a_64_character_name_is_the_longest_that_the_llm_apis_will_accept", true)]
    [TestCase("a_65_character_name_is_one_more_than_the_llm_apis_are_able_to_take", false)]
    [TestCase("get-balance_2", true)]
    [TestCase("IAT_lookup", false)]
    [TestCase("café", false)]
    public void Load_ToolName_MustSuitTheLlmApisAndNotBeReserved(string name, bool valid)
    {
        var result = LoadWith($"tools:\n  - {{ function_name: \"{name}\", description: d, params: {{ type: object }} }}\n");

        Assert.That(result.HasErrors, Is.EqualTo(!valid), string.Join(Environment.NewLine, result.Problems));
        Assert.That(result.Errors.Select(e => e.KeyPath), Has.All.EqualTo("tools[0].function_name"));
    }

    [TestCase("../secrets", "must be a plain name")]
    [TestCase("sub/report", "must be a plain name")]
    public void Load_PromptNameWithAFolder_IsRefused(string name, string message)
    {
        var problem = LoadWith($"prompt_categories: [A]\nprompts:\n  - {{ category: A, name: \"{name}\", description: d }}\n").Errors.Single();

        Assert.That((problem.KeyPath, problem.Message), Is.EqualTo(("prompts[0].name", $"'{name}' {message} (it names prompts/<name>.prompt), without folders")));
    }

    [Test]
    public void Load_TwoPromptsWithOneName_IsAnErrorOnTheSecond()
    {
        using var folder = new TestCompanyFolder().Prompt("report").CompanyYaml(TestCompanyFolder.MinimalYaml + """
            prompt_categories: [A]
            prompts:
              - { category: A, name: report, description: One }
              - { category: A, name: report, description: Two }
            """);

        var problem = folder.Load("OPENAI_API_KEY").Errors.Single();

        Assert.That(problem.ToString(), Is.EqualTo($"{folder.CompanyFile}: prompts[1].name 'report' is already the name of prompts[0]; prompt names must be unique (line 9)"));
    }

    [TestCase("cors_origin: [intranet.example.com]", "parameters.cors_origin[0]", "must be an origin such as https://intranet.example.com, not 'intranet.example.com'")]
    [TestCase("user_feedback: { channel: email, destination: sales-team }", "parameters.user_feedback.destination", "'sales-team' is not an e-mail address")]
    [TestCase("user_feedback: { channel: slack, destination: x }", "parameters.user_feedback.channel", "'slack' is not one of email, google_chat")]
    [TestCase("external_urls: { logout_url: \"javascript:alert(1)\" }", "parameters.external_urls.logout_url", "'javascript:alert(1)' is not an http or https URL or a path such as /portal")]
    public void Load_ParameterRules_AreEnforced(string parameters, string keyPath, string message)
    {
        var problem = LoadWith($"parameters:\n  {parameters}\n").Errors.Single();

        Assert.That((problem.KeyPath, problem.Message), Is.EqualTo((keyPath, message)));
    }

    [Test]
    public void Load_HelpFileMistakes_AreReportedInThoseFiles()
    {
        using var folder = new TestCompanyFolder()
            .File("config/cards.yaml", "- { icon: fas fa-x, title: Data, text: Ask }\n- { icon: fas fa-y, text: No title }\n")
            .File("config/help.yaml", "example_questions: { category: Sales }\ncapabilities: { can_do: Everything }\n")
            .CompanyYaml(TestCompanyFolder.MinimalYaml + "help_files: { onboarding_cards: cards.yaml, help_content: help.yaml }\n");

        var problems = folder.Load("OPENAI_API_KEY").Problems.Select(p => p.ToString());

        Assert.That(problems, Is.EqualTo(new[]
        {
            "companies/acme/config/cards.yaml: [1].title is required (line 2)",
            "companies/acme/config/help.yaml: example_questions must be a list, not a mapping (line 1)",
            "companies/acme/config/help.yaml: capabilities.can_do must be a list, not a single value (line 2)",
        }));
    }

    [Test]
    public void Load_ToolParamsNestedTooDeep_IsAnErrorNotACrash()
    {
        var deep = string.Concat(Enumerable.Repeat("{ a: ", 70)) + "1" + new string('}', 70);

        var problem = LoadWith($"tools:\n  - {{ function_name: t, description: d, params: {{ type: object, properties: {deep} }} }}\n").Errors.Single();

        Assert.That((problem.KeyPath, problem.Message), Is.EqualTo(("tools[0].params", "nests deeper than 64 levels")));
    }

    private static CompanyLoadResult LoadWith(string yaml)
    {
        using var folder = new TestCompanyFolder().CompanyYaml(TestCompanyFolder.MinimalYaml + yaml);
        return folder.Load("OPENAI_API_KEY", "ERP");
    }
}
