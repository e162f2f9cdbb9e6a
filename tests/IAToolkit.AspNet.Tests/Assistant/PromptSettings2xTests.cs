using System.Net;
using System.Text.Json;
using IAToolkit.Testing;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>
/// A prompt's IAToolkit 2.x settings act on the question: <c>llm_model</c>, <c>llm_request_options.reasoning_effort</c>,
/// <c>tool_policy</c>, <c>output_schema</c> and <c>visible_in_chat</c>; the request's own <c>model</c> and
/// <c>reasoning_effort</c> win.
/// </summary>
public sealed class PromptSettings2xTests
{
    private const string Prompts075 = """
        prompt_categories: ["General", "Advanced analysis"]

        prompts:
          - category: General
            name: sales_analysis
            description: Sales analysis
            order: 1
          - category: General
            name: supplier_report
            description: Supplier report
            order: 2
            custom_fields:
              - data_key: supplier_id
                label: "Supplier id or name (e.g. 8 or Lumière)"
          - category: Advanced analysis
            name: shipping_analysis
            description: Shipping analysis
            order: 1
            custom_fields:
              - { data_key: init_date, label: "From date", type: date }
              - { data_key: end_date, label: "To date", type: date }
        """;

    private const string Prompts2x = """
        prompts:
          prompt_categories:
            - General
            - { name: Advanced analysis, order: 2 }
          prompt_list:
            - category: General
              name: sales_analysis
              description: Sales analysis
              order: 1
              llm_model: gpt-4.1
              llm_request_options: { reasoning_effort: high }
              tool_policy: { mode: explicit, tool_names: [iat_sql_query] }
            - category: General
              name: supplier_report
              description: Supplier report
              order: 2
              visible_in_chat: false
              output_schema:
                type: object
                properties: { supplier: { type: string }, orders: { type: integer } }
              tool_policy: { mode: explicit, tool_names: [] }
              custom_fields:
                - data_key: supplier_id
                  label: "Supplier id"
            - category: Advanced analysis
              name: shipping_analysis
              description: Shipping analysis
              order: 1
              custom_fields:
                - { data_key: init_date, label: "From date", type: date }
                - { data_key: end_date, label: "To date", type: date }
        """;

    private TempContentRoot? _root;

    [OneTimeSetUp]
    public void CopySampleWith2xPrompts()
    {
        var company = SampleProject.CompanyFolder;
        var yaml = File.ReadAllText(Path.Combine(company, "config", "company.yaml")).ReplaceLineEndings("\n");
        Assert.That(yaml, Does.Contain(Prompts075.ReplaceLineEndings("\n")), "the sample's prompts moved; update this test");
        var files = new[] { "config", "context", "prompts", "schema" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(company, folder)))
            .Where(file => Path.GetFileName(file) != "company.yaml")
            .Select(file => (Path.GetRelativePath(company, file), File.ReadAllText(file)))
            .ToArray();
        _root = new TempContentRoot();
        _root.WriteCompany("sample_company", yaml.Replace(Prompts075.ReplaceLineEndings("\n"), Prompts2x.ReplaceLineEndings("\n"), StringComparison.Ordinal), files);
    }

    [OneTimeTearDown]
    public void RemoveCopy() => _root?.Dispose();

    [Test]
    public async Task Prompt_WithModelEffortAndToolPolicy_RunsOnItsModelWithOnlyItsTools()
    {
        await using var host = await AssistantHost.StartAsync(contentRoot: _root!.Path);
        host.Llm.Enqueue(ScriptedReply.Text("Sales are up."), ScriptedReply.Text("Sales are up again."));

        await host.AskAsync(new { prompt_name = "sales_analysis", user_identifier = "p2x@example.com" });
        await host.AskAsync(new { prompt_name = "sales_analysis", user_identifier = "p2x@example.com", model = "gpt-4o-mini", reasoning_effort = "low" });

        var first = host.Llm.ChatRequests[0];
        Assert.That(first.Model, Is.EqualTo("gpt-4.1"), "the prompt's llm_model");
        Assert.That(first.Body.GetProperty("reasoning_effort").GetString(), Is.EqualTo("high"));
        Assert.That(first.Tools, Is.EqualTo(new[] { "iat_sql_query" }), "tool_policy explicit");
        var second = host.Llm.ChatRequests[1];
        Assert.That(second.Model, Is.EqualTo("gpt-4o-mini"), "the request's model wins");
        Assert.That(second.Body.GetProperty("reasoning_effort").GetString(), Is.EqualTo("low"), "the request's effort wins");
    }

    [Test]
    public async Task Question_WithoutPrompt_OffersEveryToolAndNoEffort()
    {
        await using var host = await AssistantHost.StartAsync(contentRoot: _root!.Path);
        host.Llm.Enqueue(ScriptedReply.Text("Hello."));

        await host.AskAsync(new { question = "Hi", user_identifier = "p2x-free@example.com" });

        var request = host.Llm.ChatRequests[0];
        Assert.That(request.Model, Is.EqualTo("gpt-4o-mini"));
        Assert.That(request.Body.TryGetProperty("reasoning_effort", out _), Is.False);
        Assert.That(request.Tools, Does.Contain("iat_sql_query").And.Contain("iat_generate_excel"));
    }

    [Test]
    public async Task Prompt_WithOutputSchema_AsksForItAndReturnsTheDataAsAdditionalData()
    {
        await using var host = await AssistantHost.StartAsync(contentRoot: _root!.Path);
        host.Llm.Enqueue(ScriptedReply.Text("""{"answer": "Lumière has **12** orders.", "additional_data": {"supplier": "Lumière", "orders": 12}}"""));

        var answer = await host.AskAsync(new { prompt_name = "supplier_report", client_data = new { supplier_id = "8" }, user_identifier = "p2x-schema@example.com" });

        var sent = host.Llm.ChatRequests[0];
        Assert.That(sent.Messages[^1].Content, Does.Contain("\"orders\":{\"type\":\"integer\"}"), "the schema is in the prompt");
        Assert.That(sent.Body.TryGetProperty("tools", out var tools) && tools.GetArrayLength() > 0, Is.False, "tool_names: [] leaves no tool");
        Assert.That(answer.GetProperty("answer").GetString(), Is.EqualTo("Lumière has **12** orders."));
        Assert.That(answer.GetProperty("additional_data").GetProperty("orders").GetInt32(), Is.EqualTo(12));
    }

    [Test]
    public async Task Prompts_HiddenFromChat_AreNotListedButStillRun()
    {
        await using var host = await AssistantHost.StartAsync(contentRoot: _root!.Path);

        using var response = await host.Client.GetAsync(new Uri("/api/sample_company/prompts", UriKind.Relative));
        var categories = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").EnumerateArray().ToList();

        Assert.That(categories.Select(c => c.GetProperty("category_name").GetString()), Is.EqualTo(new[] { "General", "Advanced analysis" }));
        Assert.That(categories.SelectMany(c => c.GetProperty("prompts").EnumerateArray()).Select(p => p.GetProperty("prompt").GetString()),
            Is.EqualTo(new[] { "sales_analysis", "shipping_analysis" }));
    }

    [TestCase("extreme")]
    [TestCase("HIGH\r\n")]
    [TestCase("")]
    public async Task Query_ReasoningEffort_IsOneOfTheLevelsOrA400(string effort)
    {
        await using var host = await AssistantHost.StartAsync(contentRoot: _root!.Path);
        host.Llm.Enqueue(ScriptedReply.Text("Fine."));

        using var response = await host.PostAsync("/api/sample_company/llm_query", new { question = "Hi", user_identifier = "p2x-effort@example.com", reasoning_effort = effort });

        if (effort.Length == 0)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "left empty, nobody chose one");
            return;
        }

        var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.That(detail, Does.Contain("reasoning_effort"));
        Assert.That(host.Llm.ChatRequests, Is.Empty);
    }
}
