using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Testing;
using IAToolkit.Testing.ScriptedLlm;
using Microsoft.Extensions.Configuration;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>
/// The sample company written as the Python IAToolkit 2.45 writes company.yaml (<c>Fixtures/python2_company</c>: every
/// 2.x shape this framework reads, and the 2.x sections it does not implement). It loads with no error, every key is
/// honoured or named in one warning, and it answers a question through the SQL tool.
/// </summary>
public sealed class Python2xCompanyTests
{
    private TempContentRoot? _root;

    private string CompanyFolder => Path.Combine(_root!.Path, "companies", "sample_company");

    [OneTimeSetUp]
    public void WriteTheFolder()
    {
        // The 2.x company.yaml, schema files and home pages, with the sample's own context, prompts and help files.
        var fixture = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "python2_company");
        var sample = SampleProject.CompanyFolder;
        var files = Directory.GetFiles(fixture, "*", SearchOption.AllDirectories)
            .Select(file => (Path.GetRelativePath(fixture, file), File.ReadAllText(file)))
            .Concat(new[] { "context", "prompts" }
                .SelectMany(folder => Directory.GetFiles(Path.Combine(sample, folder)))
                .Concat(new[] { "onboarding_cards.yaml", "help_content.yaml" }.Select(name => Path.Combine(sample, "config", name)))
                .Select(file => (Path.GetRelativePath(sample, file), File.ReadAllText(file))))
            .ToArray();
        _root = new TempContentRoot();
        _root.WriteCompany("sample_company", File.ReadAllText(Path.Combine(fixture, "config", "company.yaml")), files);
    }

    [OneTimeTearDown]
    public void RemoveFolder() => _root?.Dispose();

    [Test]
    public void Load_2xFolder_HasNoErrorAndOneWarningPerUnsupportedSetting()
    {
        var variables = new[] { "OPENAI_API_KEY", "SAMPLE_DATABASE_URI", "SMTP_HOST", "SMTP_PORT" };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(variables.Select(v => new KeyValuePair<string, string?>(v, "set")))
            .Build();

        var result = new CompanyConfigurationLoader(configuration).Load("sample_company", CompanyFolder, "companies/sample_company");

        Assert.That(result.Errors, Is.Empty, string.Join(Environment.NewLine, result.Problems));
        Assert.That(result.Warnings.Select(w => w.KeyPath), Is.EquivalentTo(new[]
        {
            "llm.gateway", "llm.telemetry", "visual_embedding_provider", "inference_tools", "parameters.http_tools",
            "web_search", "sso", "tasks", "payments", "prompts.prompt_list[2].execution_mode",
        }), string.Join(Environment.NewLine, result.Warnings));
        Assert.That(result.Warnings.Select(w => w.Message), Has.All.Contain("IAToolkit 2.x"));
        var company = result.Configuration!;
        Assert.That(company.Llm.ApiKey!.Name, Is.EqualTo("OPENAI_API_KEY"));
        Assert.That(company.Prompts.Select(p => p.Name), Is.EqualTo(new[] { "sales_analysis", "supplier_report", "shipping_analysis" }));
        Assert.That(company.Mail!.Smtp.Host.Name, Is.EqualTo("SMTP_HOST"));
        Assert.That(company.KnowledgeBase!.Collections, Is.EqualTo(new[] { "supplier_manuals", "employee_contracts" }));
        Assert.That(company.SqlDataSources.Single().Timeout, Is.EqualTo(TimeSpan.FromSeconds(20)));
        Assert.That(company.SchemaFiles.Single(f => f.EntityName == "customers").Database, Is.EqualTo("sample_db"));
    }

    [Test]
    public async Task Question_2xFolder_IsAnsweredThroughTheSqlToolWithTheTableFileInTheContext()
    {
        await using var host = await AssistantHost.StartAsync(contentRoot: _root!.Path);
        host.Llm.Enqueue(
            ScriptedReply.ToolCalls(("iat_sql_query", """{"database":"sample_db","query":"SELECT count(*) AS customers FROM customers"}""")),
            ScriptedReply.Dynamic(request => ScriptedReply.Text("There are customers: " + request.Messages[^1].Content)));

        var answer = await host.AskAsync(new { question = "How many customers do we have?", user_identifier = "p2x-company@example.com" });

        var first = host.Llm.ChatRequests[0];
        var context = string.Join("\n", first.Messages.Where(m => m.Role is "system" or "developer").Select(m => m.Content));
        Assert.That(context, Does.Contain("Shops, restaurants and wholesalers that buy from Sample Company (2.x table file)."));
        Assert.That(context, Does.Contain("The board members payload"), "board.yaml is an additional schema");
        Assert.That(first.Body.GetProperty("reasoning_effort").GetString(), Is.EqualTo("low"), "llm.reasoning_effort");
        Assert.That(answer.GetProperty("answer").GetString(), Does.Contain("\"customers\""));
        Assert.That(answer.GetProperty("stats").GetProperty("tool_calls")[0].GetProperty("outcome").GetString(), Is.EqualTo("ok"));
    }

    [Test]
    public async Task Models_2xAvailableModels_ListTheirLabelsAndDescriptions()
    {
        await using var host = await AssistantHost.StartAsync(contentRoot: _root!.Path);

        using var response = await host.Client.GetAsync(new Uri("/api/sample_company/models", UriKind.Relative));
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var models = body.GetProperty("models").EnumerateArray()
            .Select(m => (m.GetProperty("id").GetString(), m.GetProperty("label").GetString(), m.GetProperty("description").GetString()))
            .ToList();
        Assert.That(models, Is.EqualTo(new[] { ("gpt-4o-mini", "GPT-4o mini", "Fast and cheap"), ("gpt-4.1", "GPT-4.1", "Deeper answers") }));
    }
}
