using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IAToolkit.ApiKeys;
using IAToolkit.AspNet.Tests.Assistant.Knowledge;
using IAToolkit.Companies;
using IAToolkit.Testing;
using IAToolkit.Testing.ScriptedLlm;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IAToolkit.AspNet.Tests.Assistant.PlugIns;

/// <summary>
/// A host adds a tool and a document format from the company's own code, one line each, and both work end to end: the
/// model calls the tool and the answer carries its result; a document in the new format is uploaded, read by the
/// company's reader, and found by search; a reader that runs past the budget is refused like any format.
/// </summary>
public sealed class PlugInTests
{
    private const string Company = "plug_warehouse";

    [Test]
    public async Task Question_CompanyToolAndCompanyFormat_AnswerCarriesTheToolResultAndTheMemoPassage()
    {
        await using var host = await PlugInHost.StartAsync();
        var name = $"board-{Guid.NewGuid():N}.memo";
        using (var upload = await UploadBudgetTests.PostFileAsync(host.Client, $"/api/{Company}/documents?source=memos", name, Encoding.UTF8.GetBytes("Board minutes\n\fThe Valparaiso warehouse closes for inventory on 12 March.")))
        {
            Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.OK), await upload.Content.ReadAsStringAsync());
        }

        host.Llm.Enqueue(
            ScriptedReply.ToolCalls(
                ("warehouse_shipment_status", """{"shipment_id":"S-77"}"""),
                ("iat_document_search", """{"query":"Valparaiso warehouse closes for inventory"}""")),
            ScriptedReply.Dynamic(request => ScriptedReply.Text(string.Join("\n", request.Messages.Where(m => m.Role == "tool").Select(m => m.Content)))));

        using var response = await host.Client.PostAsJsonAsync($"/api/{Company}/llm_query", new { question = "Where is S-77, and is the warehouse open?", user_identifier = "ops@example.com" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("answer").GetString();
        Assert.That(host.Llm.ChatRequests[0].Tools, Does.Contain("warehouse_shipment_status").And.Contain("iat_document_search"));
        Assert.That(answer, Does.Contain("S-77 is in transit to Valparaiso").And.Contain("ops@example.com"));
        Assert.That(answer, Does.Contain(name).And.Contain("closes for inventory on 12 March"));
    }

    [Test]
    public async Task AddDocument_CompanyReaderPastTheBudget_Is422DocumentTooComplex()
    {
        await using var host = await PlugInHost.StartAsync();
        var name = $"huge-{Guid.NewGuid():N}.memo";

        using var response = await UploadBudgetTests.PostFileAsync(host.Client, $"/api/{Company}/documents?source=memos", name, "GREEDY"u8.ToArray());

        var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "document_too_complex");
        Assert.That(detail, Does.Contain(name).And.Contain("IAToolkit:Knowledge:Parsing:MaxCharacters"));
        Assert.That(await UploadBudgetTests.IndexedAsync(name), Is.Zero);
    }

    [Test]
    public async Task AddDocument_UnknownFormat_ListsTheCompanysFormatAmongTheSupportedTypes()
    {
        await using var host = await PlugInHost.StartAsync();

        using var response = await UploadBudgetTests.PostFileAsync(host.Client, $"/api/{Company}/documents?source=memos", "photo.png", [1, 2, 3]);

        var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "document_unreadable");
        Assert.That(detail, Does.Contain("(PDF, DOCX, XLSX, TXT, MD, MEMO)"));
    }

    /// <summary>The host a company would write, plus its tool and format; the scripted LLM answers for the model.</summary>
    private sealed class PlugInHost : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly TempContentRoot _root;

        private PlugInHost(WebApplication app, TempContentRoot root, ScriptedLlmServer llm, HttpClient client)
        {
            _app = app;
            _root = root;
            Llm = llm;
            Client = client;
        }

        public ScriptedLlmServer Llm { get; }

        public HttpClient Client { get; }

        public static async Task<PlugInHost> StartAsync()
        {
            var llm = await ScriptedLlmServer.StartAsync();
            var root = new TempContentRoot();
            root.WriteCompany(Company, TempContentRoot.MinimalYaml(Company, "Warehouse") + $"""

                embedding_provider:
                  provider: local
                  model: all-MiniLM-L6-v2
                knowledge_base:
                  connectors:
                    development: {"{"} type: local {"}"}
                  document_sources:
                    memos:
                      path: companies/{Company}/memos
                """, ("memos/welcome.txt", "Welcome to the warehouse."));

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = root.Path, EnvironmentName = "Production" });
            builder.WebHost.UseTestServer();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DATABASE_URI"] = SampleAssistantFixture.Core.Uri,
                ["REDIS_URL"] = TestServices.RedisUrl,
                ["IATOOLKIT_SECRET_KEY"] = TestServices.SecretKey,
                ["FERNET_KEY"] = TestServices.FernetKey,
                ["TEST_OPENAI_API_KEY"] = "sk-test",
                ["OPENAI_BASE_URL"] = llm.OpenAIEndpoint.ToString(),
                ["IAToolkit:Assistant:MaxRetries"] = "0",
                ["IAToolkit:Environment"] = "development",
                ["IAToolkit:Database:MigrateOnStart"] = "true",
                ["IAToolkit:Security:SecureCookies"] = "false",
                ["IAToolkit:Redis:KeyPrefix"] = $"iat-test-{Guid.NewGuid():N}:",
                ["IAToolkit:PublicBaseUrl"] = "http://localhost",
            });

            // The two lines a company adds to its host.
            builder.AddIAToolkit()
                .RegisterCompany<WarehouseCompany>(Company)
                .AddTool<ShipmentStatusTool>()
                .AddDocumentReader<MemoDocumentReader>();
            var app = builder.Build();
            app.UseIAToolkit();
            app.MapIAToolkit();
            await app.StartAsync();

            var company = app.Services.GetRequiredService<ICompanyCatalog>().GetRequired(Company);
            var key = await app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(company, "tests", CancellationToken.None);
            var client = app.GetTestClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
            return new PlugInHost(app, root, llm, client);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
            await Llm.DisposeAsync();
            _root.Dispose();
        }
    }
}
