using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IAToolkit.ApiKeys;
using IAToolkit.Companies;
using IAToolkit.Testing;
using IAToolkit.Testing.ScriptedLlm;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>A company on Azure OpenAI with a database and a tool of its own: the Azure client shape through the whole tool loop.</summary>
public sealed class AzureCompanyTests : DatabaseTest
{
    [Test]
    public async Task LlmQuery_AzureCompanyWithItsOwnTool_UsesTheDeploymentAndRunsTheTool()
    {
        await using var llm = await ScriptedLlmServer.StartAsync();
        using var root = new TempContentRoot();
        root.WriteCompany("contoso", $$"""
            id: contoso
            name: Contoso
            llm:
              provider: azure
              base_url: "{{llm.BaseAddress}}"
              model: gpt4o-deployment
              api-key: CONTOSO_AZURE_KEY
            data_sources:
              sql:
                - database: sales
                  connection_string_env: CONTOSO_SALES_URI
                  include_all_tables: true
            tools:
              - function_name: order_status
                description: The status of an order.
                params:
                  type: object
                  properties:
                    order_id: { type: string }
                  required: [order_id]
            """);
        await using var app = await StartAsync(root.Path);
        using var client = app.GetTestClient();
        var company = app.Services.GetRequiredService<ICompanyCatalog>().GetRequired("contoso");
        var key = (await app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(company, "t", CancellationToken.None)).Key;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        llm.Enqueue(
            ScriptedReply.ToolCalls(("order_status", """{"order_id":"A-17"}""")),
            ScriptedReply.ToolCalls(("iat_sql_query", """{"database":"sales","query":"SELECT count(*) AS employees FROM employees"}""")),
            ScriptedReply.Dynamic(request => ScriptedReply.Text("Status: " + string.Join(" / ", request.Messages.Where(m => m.Role == "tool").Select(m => m.Content)))));

        using var response = await client.PostAsJsonAsync("/api/contoso/llm_query", new { question = "Where is A-17?", user_identifier = "ops@contoso.example" });
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(response.IsSuccessStatusCode, Is.True, body.ToString());
        Assert.That(llm.ChatRequests[0].Path, Is.EqualTo("/openai/deployments/gpt4o-deployment/chat/completions"));
        Assert.That(llm.ChatRequests[0].ApiKey, Is.EqualTo("azure-secret"));
        Assert.That(llm.ChatRequests[0].Tools, Does.Contain("order_status"));
        Assert.That(body.GetProperty("answer").GetString(), Does.Contain("A-17 shipped to ops@contoso.example"));
        Assert.That(body.GetProperty("answer").GetString(), Does.Contain("[[10]]"), "the employees of the sample database reached the model");
        Assert.That(llm.ChatRequests.Select(r => r.Path).Distinct(), Is.EqualTo(new[] { "/openai/deployments/gpt4o-deployment/chat/completions" }));
    }

    private async Task<WebApplication> StartAsync(string contentRoot)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DATABASE_URI"] = Database.Uri,
            ["REDIS_URL"] = TestServices.RedisUrl,
            ["IATOOLKIT_SECRET_KEY"] = TestServices.SecretKey,
            ["FERNET_KEY"] = TestServices.FernetKey,
            ["CONTOSO_AZURE_KEY"] = "azure-secret",
            ["CONTOSO_SALES_URI"] = SampleAssistantFixture.SampleReaderUri,
            ["IAToolkit:Database:MigrateOnStart"] = "true",
            ["IAToolkit:Assistant:MaxRetries"] = "0",
            ["IAToolkit:PublicBaseUrl"] = "http://localhost",
        });
        builder.AddIAToolkit().RegisterCompany<Contoso>("contoso");
        var app = builder.Build();
        app.UseIAToolkit();
        app.MapIAToolkit();
        await app.StartAsync();
        return app;
    }

    /// <summary>Answers its one tool from "its own systems".</summary>
    private sealed class Contoso : CompanyBase
    {
        public override Task<object?> HandleRequestAsync(string toolName, JsonElement arguments, CompanyRequestContext context, CancellationToken cancellationToken)
            => Task.FromResult<object?>(new { status = $"{arguments.GetProperty("order_id").GetString()} shipped to {context.UserIdentifier}" });
    }
}
