using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using IAToolkit.Assistant.Tools;
using IAToolkit.Core.Tests.SqlSources;
using IAToolkit.Diagnostics;
using Microsoft.Extensions.AI;

namespace IAToolkit.Core.Tests.Assistant.Tools;

/// <summary>
/// The tools a question is offered come from the registered list: each built-in decides from the company's
/// configuration, a company's own tool plugs in with one line, and every call goes through one path (binding that
/// turns bad arguments into an error the model reads, the call record and the metrics).
/// </summary>
public sealed class ToolProviderTests
{
    private const string Sql = """
        data_sources:
          sql:
            - database: erp
              connection_string_env: ACME_ERP_URI
              include_all_tables: true
            - database: crm
              connection_string_env: ACME_CRM_URI
              include_all_tables: true

        """;

    private const string Documents = """
        knowledge_base:
          connectors:
            development: { type: local }
          document_sources:
            manuals:
              path: docs/manuals
              metadata: { type: manual }
            contracts:
              path: docs/contracts
              metadata: { type: contract }

        """;

    private const string Mail = """
        mail_provider:
          provider: smtplib
          sender_email: assistant@acme.example

        """;

    private const string YamlTools = """
        tools:
          - function_name: acme_stock
            description: Stock of a product.
            params:
              type: object
              properties:
                sku: { type: string }
              required: [sku]

        """;

    [Test]
    public void For_CompanyWithoutSourcesOrMail_OffersOnlyTheExcelTool()
    {
        using var company = SqlTestCompany.Create(string.Empty);
        using var services = ToolTestRun.Services();

        var names = ToolTestRun.Tools(services, ToolTestRun.Run(company.Company, services)).Select(t => t.Name);

        Assert.That(names, Is.EqualTo(new[] { "iat_generate_excel" }), "no SQL tool without SQL sources, no search without documents, no mail without mail_provider");
    }

    [Test]
    public void For_CompanyWithEverything_OffersTheBuiltInsInOrderThenCompanyYamlThenTheHostsOwn()
    {
        using var company = SqlTestCompany.Create(Sql + Documents + Mail + YamlTools);
        using var services = ToolTestRun.Services(s => s.AddIAToolkitTool<OrderStatusTool>().AddIAToolkitTool<OrderStatusTool>());

        var names = ToolTestRun.Tools(services, ToolTestRun.Run(company.Company, services)).Select(t => t.Name);

        Assert.That(names, Is.EqualTo(new[] { "iat_sql_query", "iat_document_search", "iat_generate_excel", "iat_send_email", "acme_stock", "acme_order_status" }));
    }

    [Test]
    public void AppliesTo_OtherCompany_TheCompanysToolIsNotOffered()
    {
        using var company = SqlTestCompany.Create(string.Empty, shortName: "globex");
        using var services = ToolTestRun.Services(s => s.AddIAToolkitTool<OrderStatusTool>());

        var names = ToolTestRun.Tools(services, ToolTestRun.Run(company.Company, services)).Select(t => t.Name);

        Assert.That(names, Does.Not.Contain("acme_order_status"));
    }

    [TestCase("iat_sql_query", new[] { "database", "query" }, new[] { "database", "query" })]
    [TestCase("iat_document_search", new[] { "query", "type", "limit" }, new[] { "query" })]
    [TestCase("iat_generate_excel", new[] { "data", "filename", "sheet_name" }, new[] { "data", "filename" })]
    [TestCase("iat_send_email", new[] { "to", "subject", "body" }, new[] { "to", "subject", "body" })]
    public void Schema_BuiltInTool_IsGeneratedFromItsRecordWithTheSameRequiredArguments(string name, string[] properties, string[] required)
    {
        var schema = Schema(name);

        Assert.That(schema.GetProperty("type").GetString(), Is.EqualTo("object"));
        Assert.That(schema.GetProperty("properties").EnumerateObject().Select(p => p.Name), Is.EquivalentTo(properties));
        Assert.That(schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()), Is.EquivalentTo(required));
    }

    [Test]
    public void Schema_Tools_CarryTheDescriptionsAndTheCompanysChoices()
    {
        var sql = Schema("iat_sql_query").GetProperty("properties");
        var search = Schema("iat_document_search").GetProperty("properties");
        var excel = Schema("iat_generate_excel").GetProperty("properties");
        var mail = Schema("iat_send_email");

        Assert.That(sql.GetProperty("database").GetProperty("enum").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "erp", "crm" }));
        Assert.That(sql.GetProperty("query").GetProperty("description").GetString(), Is.EqualTo("One read-only PostgreSQL query (SELECT or WITH)."));
        Assert.That(search.GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "contract", "manual" }));
        Assert.That(search.GetProperty("limit").GetProperty("minimum").GetInt32(), Is.EqualTo(1));
        Assert.That(search.GetProperty("limit").GetProperty("maximum").GetInt32(), Is.EqualTo(12));
        Assert.That(excel.GetProperty("data").GetProperty("minItems").GetInt32(), Is.EqualTo(1));
        Assert.That(excel.GetProperty("data").GetProperty("items").GetProperty("type").ToString(), Does.Contain("object"));
        Assert.That(mail.GetProperty("additionalProperties").GetBoolean(), Is.False, "no cc, bcc or header");
        Assert.That(mail.GetProperty("properties").GetProperty("to").GetProperty("description").GetString(), Does.StartWith("Recipient e-mail addresses"));
    }

    [Test]
    public void Schema_SearchWithoutDocumentTypes_HasNoTypeFilter()
    {
        using var company = SqlTestCompany.Create(Documents.Replace("metadata: { type: manual }", "metadata: {}").Replace("metadata: { type: contract }", "metadata: {}"));
        using var services = ToolTestRun.Services();

        var search = ToolTestRun.Tools(services, ToolTestRun.Run(company.Company, services)).Single(t => t.Name == "iat_document_search");

        Assert.That(search.JsonSchema.GetProperty("properties").TryGetProperty("type", out _), Is.False);
    }

    [Test]
    public void Schema_CompanysTool_IsSnakeCaseFromItsRecord()
    {
        using var company = SqlTestCompany.Create(string.Empty);
        using var services = ToolTestRun.Services(s => s.AddIAToolkitTool<OrderStatusTool>());

        var tool = ToolTestRun.Tools(services, ToolTestRun.Run(company.Company, services)).Single(t => t.Name == "acme_order_status");

        Assert.That(tool.Description, Is.EqualTo("Tells the status of one order."));
        Assert.That(tool.JsonSchema.GetProperty("properties").GetProperty("order_number").GetProperty("description").GetString(), Is.EqualTo("The order number, e.g. A-1001."));
        Assert.That(tool.JsonSchema.GetProperty("required").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "order_number" }));
    }

    [TestCase("iat_sql_query", """{"query":"SELECT 1"}""", "The argument 'database' is required")]
    [TestCase("iat_sql_query", """{"database":"erp","query":"  "}""", "The argument 'query' is required and must be a non-empty string")]
    [TestCase("iat_sql_query", """{"database":42,"query":"SELECT 1"}""", "The argument 'database' does not have the type")]
    [TestCase("iat_document_search", """{"query":"notice","limit":"many"}""", "The argument 'limit' does not have the type")]
    [TestCase("iat_generate_excel", """{"filename":"a.xlsx","data":"rows"}""", "The argument 'data' does not have the type")]
    [TestCase("iat_generate_excel", """{"filename":"a.xlsx"}""", "The argument 'data' is required")]
    [TestCase("iat_send_email", """{"to":["a@acme.example"],"subject":"Hi","body":"x","bcc":"b@evil.example"}""", "takes only to, subject and body")]
    [TestCase("acme_order_status", """{"order_number":["A-1"]}""", "The argument 'order_number' does not have the type")]
    public async Task Invoke_BadArguments_IsAnErrorTheModelReadsAndIsRecorded(string name, string arguments, string message)
    {
        using var company = SqlTestCompany.Create(Sql + Documents + Mail);
        using var services = ToolTestRun.Services(s => s.AddIAToolkitTool<OrderStatusTool>());
        var run = ToolTestRun.Run(company.Company, services);
        var tool = ToolTestRun.Tools(services, run).Single(t => t.Name == name);

        var result = await ToolTestRun.CallAsync(tool, arguments);

        Assert.That(result.GetProperty("error").GetString(), Does.Contain(message));
        Assert.That(run.Calls.Single().Outcome, Is.EqualTo("error"));
        Assert.That(run.Calls.Single().Name, Is.EqualTo(name));
    }

    [Test]
    public async Task Invoke_SqlBadArgumentsTwice_TellsTheModelToFixThenToStop()
    {
        using var company = SqlTestCompany.Create(Sql);
        using var services = ToolTestRun.Services();
        var run = ToolTestRun.Run(company.Company, services);
        var tool = ToolTestRun.Tools(services, run).Single(t => t.Name == "iat_sql_query");

        var first = await ToolTestRun.CallAsync(tool, "{}");
        var second = await ToolTestRun.CallAsync(tool, "{}");

        Assert.That(first.GetProperty("next").GetString(), Does.StartWith("Fix the query"));
        Assert.That(second.GetProperty("next").GetString(), Does.StartWith("Do not retry"));
    }

    [Test]
    public async Task Invoke_CompanysTool_GetsBoundArgumentsAndTheCaller()
    {
        using var company = SqlTestCompany.Create(string.Empty);
        using var services = ToolTestRun.Services(s => s.AddIAToolkitTool<OrderStatusTool>());
        var run = ToolTestRun.Run(company.Company, services);
        var tool = ToolTestRun.Tools(services, run).Single(t => t.Name == "acme_order_status");

        var result = await ToolTestRun.CallAsync(tool, """{"order_number":"A-1001","express":true}""");

        Assert.That(result.GetProperty("status").GetString(), Is.EqualTo("flying"));
        Assert.That(result.GetProperty("asked_by").GetString(), Is.EqualTo("pm@example.com"));
        Assert.That(result.GetProperty("company").GetString(), Is.EqualTo("acme"));
        Assert.That(run.Calls.Single().Outcome, Is.EqualTo("ok"));
    }

    [Test]
    public async Task Invoke_EachCall_CountsOneToolCallWithTheToolNameAndOutcome()
    {
        var company = $"metrics_{Guid.NewGuid():N}"[..20];
        using var folder = SqlTestCompany.Create(string.Empty, shortName: company);
        using var services = ToolTestRun.Services(s => s.AddIAToolkitTool<AnyCompanyTool>());
        var run = ToolTestRun.Run(folder.Company, services);
        var tool = ToolTestRun.Tools(services, run).Single(t => t.Name == "any_echo");
        var counted = new List<(long Value, Dictionary<string, object?> Tags)>();
        var durations = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == IAToolkitTelemetry.Name && instrument.Name is "iatoolkit.tool_calls" or "iatoolkit.tool_call.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var all = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
            if (Equals(all.GetValueOrDefault(Telemetry.CompanyTag), company))
            {
                lock (counted)
                {
                    counted.Add((value, all));
                }
            }
        });
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            if (tags.ToArray().Any(t => t.Key == Telemetry.CompanyTag && Equals(t.Value, company)))
            {
                Interlocked.Increment(ref durations);
            }
        });
        listener.Start();

        await ToolTestRun.CallAsync(tool, """{"text":"one"}""");
        await ToolTestRun.CallAsync(tool, """{"text":"two"}""");
        await ToolTestRun.CallAsync(tool, "{}");

        Assert.That(counted, Has.Count.EqualTo(3));
        Assert.That(counted.Select(c => c.Value), Has.All.EqualTo(1));
        Assert.That(counted.Select(c => c.Tags["gen_ai.tool.name"]), Has.All.EqualTo("any_echo"));
        Assert.That(counted.Select(c => c.Tags[Telemetry.OutcomeTag]), Is.EqualTo(new[] { "ok", "ok", "error" }));
        Assert.That(durations, Is.EqualTo(3));
    }

    [Test]
    public async Task Invoke_InsideTheExecuteToolSpan_TagsItWithCompanyAndOutcomeAndLeavesOtherSpansAlone()
    {
        using var company = SqlTestCompany.Create(string.Empty);
        using var services = ToolTestRun.Services(s => s.AddIAToolkitTool<AnyCompanyTool>());
        var run = ToolTestRun.Run(company.Company, services);
        var tool = ToolTestRun.Tools(services, run).Single(t => t.Name == "any_echo");
        using var source = new ActivitySource("tests.execute_tool");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        Activity? toolSpan;
        using (toolSpan = source.StartActivity("execute_tool any_echo"))
        {
            toolSpan!.SetTag("gen_ai.operation.name", "execute_tool").SetTag("gen_ai.tool.name", "any_echo");
            await ToolTestRun.CallAsync(tool, "{}");
        }

        Activity? querySpan;
        using (querySpan = source.StartActivity("query"))
        {
            await ToolTestRun.CallAsync(tool, """{"text":"hi"}""");
        }

        Assert.That(toolSpan.GetTagItem(Telemetry.CompanyTag), Is.EqualTo("acme"));
        Assert.That(toolSpan.GetTagItem(Telemetry.OutcomeTag), Is.EqualTo("error"));
        Assert.That(querySpan!.GetTagItem(Telemetry.OutcomeTag), Is.Null, "a span that is not the call's own is not tagged");
    }

    private static JsonElement Schema(string name)
    {
        using var company = SqlTestCompany.Create(Sql + Documents + Mail);
        using var services = ToolTestRun.Services();
        return ToolTestRun.Tools(services, ToolTestRun.Run(company.Company, services)).Single(t => t.Name == name).JsonSchema;
    }

    private sealed class AnyCompanyTool : AssistantTool<AnyCompanyTool.Arguments>
    {
        public override string Name => "any_echo";

        public override string Description => "Echoes.";

        public override Task<object?> InvokeAsync(Arguments arguments, AssistantToolContext context, CancellationToken cancellationToken)
            => Task.FromResult<object?>(new { echoed = arguments.Text });

        public sealed record Arguments(string Text);
    }
}
