using IAToolkit.Companies.Configuration;

namespace IAToolkit.Core.Tests.Companies.Configuration;

/// <summary>
/// IAToolkit 2.x writes prompts as <c>prompts: {prompt_categories, prompt_list}</c> with settings per prompt; a folder
/// written that way loads as written, and the 0.75 shape still does.
/// </summary>
public sealed class PromptShapes2xTests
{
    private const string Llm = """
        id: acme
        name: ACME
        llm:
          model: gpt-4o-mini
          api-key: OPENAI_API_KEY
          available_models:
            - { id: gpt-4.1, label: GPT 4.1, description: Deeper answers }

        """;

    [Test]
    public void Load_PromptsAsCategoriesAndList_ReadsEveryPromptAndItsSettings()
    {
        using var folder = new TestCompanyFolder().Prompt("sales_report").Prompt("board").CompanyYaml(Llm + """
            prompts:
              prompt_categories:
                - Sales
                - { name: Board, order: 9 }
              prompt_list:
                - name: sales_report
                  description: Sales report
                  category: Sales
                  order: 1
                  active: true
                  visible_in_chat: false
                  llm_model: GPT-4.1
                  llm_request_options: { reasoning_effort: high }
                  tool_policy: { mode: explicit, tool_names: [iat_sql_query] }
                  output_schema:
                    type: object
                    properties: { total: { type: number } }
                  custom_fields:
                    - { data_key: from, label: From, type: date }
                - { name: board, description: Board, category: Board }
            """);

        var result = folder.Load("OPENAI_API_KEY");

        Assert.That(result.Problems, Is.Empty, string.Join(Environment.NewLine, result.Problems));
        var configuration = result.Configuration!;
        Assert.That(configuration.PromptCategories, Is.EqualTo(new[] { new PromptCategory("Sales", 1), new PromptCategory("Board", 9) }));
        var report = configuration.Prompts.Single(p => p.Name == "sales_report");
        Assert.That(report.VisibleInChat, Is.False);
        Assert.That(report.LlmModel, Is.EqualTo("gpt-4.1"), "the configured spelling");
        Assert.That(report.ReasoningEffort, Is.EqualTo(ReasoningLevel.High));
        Assert.That(report.ToolNames, Is.EqualTo(new[] { "iat_sql_query" }));
        Assert.That(report.OutputSchema!.Value.GetProperty("properties").GetProperty("total").GetProperty("type").GetString(), Is.EqualTo("number"));
        Assert.That(report.CustomFields.Single().Type, Is.EqualTo("date"));
        var board = configuration.Prompts.Single(p => p.Name == "board");
        Assert.That((board.VisibleInChat, board.LlmModel, board.ToolNames, board.OutputSchema), Is.EqualTo((true, (string?)null, (IReadOnlyList<string>?)null, (System.Text.Json.JsonElement?)null)));
    }

    [Test]
    public void Load_2xKeysWithoutAnEffectHere_AreEachOneWarningNeverAnError()
    {
        using var folder = new TestCompanyFolder().Prompt("p").CompanyYaml(Llm + """
            prompts:
              prompt_categories: [A]
              prompt_list:
                - name: p
                  description: P
                  category: A
                  execution_mode: agentic
                  runtime_policy: { role: workspace_agent }
                  output_schema_mode: strict
                  attachment_mode: native_only
                  llm_request_options: { text_verbosity: low, store: true }
            """);

        var result = folder.Load("OPENAI_API_KEY");

        Assert.That(result.HasErrors, Is.False, string.Join(Environment.NewLine, result.Problems));
        Assert.That(result.Warnings.Select(w => w.KeyPath), Is.EquivalentTo(new[]
        {
            "prompts.prompt_list[0].execution_mode", "prompts.prompt_list[0].runtime_policy", "prompts.prompt_list[0].output_schema_mode",
            "prompts.prompt_list[0].attachment_mode", "prompts.prompt_list[0].llm_request_options.text_verbosity",
            "prompts.prompt_list[0].llm_request_options.store",
        }));
        Assert.That(result.Warnings.Select(w => w.Message), Has.All.Contain("IAToolkit 2.x"));
    }

    [TestCase("llm_model: gpt-5-super", "prompts.prompt_list[0].llm_model", "'gpt-5-super' is not one of the company's models: gpt-4o-mini, gpt-4.1")]
    [TestCase("llm_request_options: { reasoning_effort: extreme }", "prompts.prompt_list[0].llm_request_options.reasoning_effort", "'extreme' is not one of minimal, low, medium, high, xhigh")]
    [TestCase("tool_policy: { mode: some }", "prompts.prompt_list[0].tool_policy.mode", "'some' is not one of inherit, explicit")]
    [TestCase("output_schema: [a, b]", "prompts.prompt_list[0].output_schema", "must be a JSON schema written as a mapping, not a list")]
    [TestCase("output_schema: { description: no type }", "prompts.prompt_list[0].output_schema", "must be a JSON schema: it needs a type (such as object) or properties")]
    [TestCase("category: B", "prompts.prompt_list[0].category", "'B' is not declared in prompts.prompt_categories")]
    public void Load_WrongPromptSetting_IsAnErrorAtItsKey(string line, string keyPath, string message)
    {
        var category = line.StartsWith("category", StringComparison.Ordinal) ? string.Empty : "      category: A\n";
        using var folder = new TestCompanyFolder().Prompt("p").CompanyYaml(Llm + $"""
            prompts:
              prompt_categories: [A]
              prompt_list:
                - name: p
                  description: P

            """ + category + "      " + line + "\n");

        var problem = folder.Load("OPENAI_API_KEY").Errors.Single();

        Assert.That(problem.KeyPath, Is.EqualTo(keyPath));
        Assert.That(problem.Message, Does.StartWith(message));
    }

    [Test]
    public void Load_ToolPolicyNamingAToolTheCompanyLacks_WarnsAndLeavesItOut()
    {
        using var folder = new TestCompanyFolder().Prompt("p").CompanyYaml(Llm + """
            prompts:
              prompt_categories: [A]
              prompt_list:
                - { name: p, description: P, category: A, tool_policy: { mode: explicit, tool_names: [iat_web_search, iat_document_search] } }
            """);

        var result = folder.Load("OPENAI_API_KEY");

        Assert.That(result.HasErrors, Is.False);
        var warning = result.Warnings.Single();
        Assert.That(warning.KeyPath, Is.EqualTo("prompts.prompt_list[0].tool_policy.tool_names"));
        Assert.That(warning.Message, Does.StartWith("'iat_web_search' is no tool of this company"));
        Assert.That(result.Configuration!.Prompts.Single().ToolNames, Is.EqualTo(new[] { "iat_document_search" }));
    }

    [Test]
    public void Load_BothShapesAtOnce_Uses2xCategoriesAndWarnsAboutTheOther()
    {
        using var folder = new TestCompanyFolder().Prompt("p").CompanyYaml(Llm + """
            prompt_categories: [Old]
            prompts:
              prompt_categories: [New]
              prompt_list:
                - { name: p, description: P, category: New }
            """);

        var result = folder.Load("OPENAI_API_KEY");

        Assert.That(result.Warnings.Single().KeyPath, Is.EqualTo("prompt_categories"));
        Assert.That(result.Configuration!.PromptCategories.Select(c => c.Name), Is.EqualTo(new[] { "New" }));
    }

    [Test]
    public void Load_075Shape_StillLoadsWithDefaults()
    {
        using var folder = new TestCompanyFolder().Prompt("p").CompanyYaml(Llm + """
            prompt_categories: [A]
            prompts:
              - { name: p, description: P, category: A }
            """);

        var result = folder.Load("OPENAI_API_KEY");

        Assert.That(result.Problems, Is.Empty);
        var prompt = result.Configuration!.Prompts.Single();
        Assert.That((prompt.Category, prompt.VisibleInChat, prompt.Active), Is.EqualTo(("A", true, true)));
    }
}
