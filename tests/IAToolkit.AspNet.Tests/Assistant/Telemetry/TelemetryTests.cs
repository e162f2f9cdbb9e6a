using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using IAToolkit.Testing;
using IAToolkit.Testing.ScriptedLlm;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace IAToolkit.AspNet.Tests.Assistant.Telemetry;

/// <summary>
/// What an operator sees in an APM when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: the framework's spans and metrics
/// with ASP.NET Core's and Npgsql's, over real OTLP/HTTP to a loopback receiver; and nothing at all when it is not set.
/// </summary>
[Category("Telemetry")]
public sealed class TelemetryTests
{
    /// <summary>
    /// The spans a question that searches the documents and queries the sales database sends over OTLP. The model-call
    /// and tool-call spans (<c>iatoolkit.query</c>, <c>chat gpt-4o-mini</c>, <c>execute_tool iat_document_search</c>,
    /// <c>execute_tool iat_sql_query</c>) join this list when the pipeline emits them.
    /// </summary>
    internal static readonly string[] ExpectedQuestionSpanNames =
    [
        "POST /api/{c}/llm_query",
        "invoke_agent sample_company",
        "execute_tool iat_document_search",
        "execute_tool iat_sql_query",
        "iatoolkit.search",
        "iatoolkit.sql_query",
    ];

    /// <summary>The framework's metrics the same question sends .</summary>
    internal static readonly string[] ExpectedQuestionMetricNames =
    [
        "iatoolkit.search.duration",
        "iatoolkit.queries",
        "iatoolkit.query.duration",
        "iatoolkit.tokens",
        "iatoolkit.tool_calls",
        "iatoolkit.tool_call.duration",
        "gen_ai.client.token.usage",
    ];

    private const string SalesQuery = "SELECT company_name FROM suppliers WHERE supplier_id = 3";

    [Test]
    public async Task Question_WithOtlpEndpoint_SendsTheSpansAndMetricsOverHttp()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var capture = new TelemetryCapture();
        await using var host = await StartAsync(receiver, capture, serviceName: "sample-host-under-test");
        EnqueueSearchAndSql(host.Llm);

        await host.AskAsync(new { question = "Who is supplier 3, and what do the manuals say about delivery?", user_identifier = "ops@example.com" });

        // The request's span ends just after the response: once the in-memory exporter has it, the batch is complete.
        await capture.SpanAsync(s => s.DisplayName == "POST /api/{c}/llm_query", "for the question's request");
        Assert.That(host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000), Is.True, "the spans were exported");
        Assert.That(host.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), Is.True, "the metrics were exported");

        Assert.That(receiver.Refused, Is.Empty, "every request was an OTLP/HTTP protobuf export");
        Assert.That(receiver.Traces, Is.Not.Empty);
        Assert.That(receiver.Metrics, Is.Not.Empty);
        var spans = receiver.Traces.SelectMany(OtlpWire.SpanNames).ToList();
        Assert.That(spans, Is.SupersetOf(ExpectedQuestionSpanNames), string.Join(", ", spans.Distinct()));
        Assert.That(spans, Has.Some.StartWith("chat "), "each model call has its gen-ai span");
        Assert.That(spans, Has.Some.EqualTo("postgresql"), "Npgsql's command spans (named after the database system) are exported");
        var metrics = receiver.Metrics.SelectMany(OtlpWire.MetricNames).Distinct().ToList();
        Assert.That(metrics, Is.SupersetOf(ExpectedQuestionMetricNames), string.Join(", ", metrics));
        Assert.That(metrics, Has.Some.StartWith("http.server."), "ASP.NET Core's metrics are exported");
        var resources = receiver.Traces.SelectMany(OtlpWire.Resources).ToList();
        Assert.That(resources.Select(r => r.GetValueOrDefault("service.name")), Has.All.EqualTo("sample-host-under-test"), "OTEL_SERVICE_NAME names the service");
    }

    [Test]
    public async Task Question_SearchAndSqlTools_HaveTheirSpansUnderTheRequestWithoutTheirText()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var capture = new TelemetryCapture();
        await using var host = await StartAsync(receiver, capture);
        EnqueueSearchAndSql(host.Llm);

        await host.AskAsync(new { question = "Who is supplier 3, and what do the manuals say about delivery?", user_identifier = "ops@example.com" });

        var request = await capture.SpanAsync(s => s.DisplayName == "POST /api/{c}/llm_query", "for the question's request");
        var search = await capture.SpanAsync(s => s.DisplayName == "iatoolkit.search", "iatoolkit.search");
        var sql = await capture.SpanAsync(s => s.DisplayName == "iatoolkit.sql_query", "iatoolkit.sql_query");
        Assert.That(search.TraceId, Is.EqualTo(request.TraceId), "the search belongs to the request's trace");
        Assert.That(search.GetTagItem("iatoolkit.company"), Is.EqualTo("sample_company"));
        Assert.That(search.GetTagItem("iatoolkit.search.results"), Is.TypeOf<int>());
        Assert.That(sql.TraceId, Is.EqualTo(request.TraceId));
        Assert.That(sql.GetTagItem("iatoolkit.company"), Is.EqualTo("sample_company"));
        Assert.That(sql.GetTagItem("iatoolkit.sql.database"), Is.EqualTo("sample_database"));
        Assert.That(sql.GetTagItem("db.response.returned_rows"), Is.EqualTo(1));
        var npgsql = capture.Spans.Where(s => s.Source.Name == "Npgsql" && s.TraceId == request.TraceId).ToList();
        Assert.That(npgsql, Is.Not.Empty, "the core database's commands have spans in the request's trace");

        // Neither the question, nor the search's words, nor the model's SQL leave the host in a span.
        var values = capture.Spans.SelectMany(s => s.TagObjects).Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToList();
        Assert.That(values, Has.None.Contain("supplier_id = 3").And.None.Contain("delivery lead time").And.None.Contain("Who is supplier 3"));
    }

    [Test]
    public async Task AddDocument_WithTelemetry_HasTheIngestSpanAndCountsTheDocument()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var root = new TempContentRoot();
        CopySampleCompany(root.Path);
        await using var receiver = await OtlpReceiver.StartAsync();
        var capture = new TelemetryCapture();
        await using var host = await StartAsync(receiver, capture, database.Uri, root.Path);
        var name = $"terms-{Guid.NewGuid():N}.txt";

        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("Delivery terms: 30 days net. Pallets are returned within two weeks.")), "file", name } };
        using var response = await host.Client.PostAsync(new Uri("/api/sample_company/documents?source=supplier_manuals", UriKind.Relative), content);
        using var again = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("Delivery terms: 30 days net. Pallets are returned within two weeks.")), "file", name } };
        using var unchanged = await host.Client.PostAsync(new Uri("/api/sample_company/documents?source=supplier_manuals", UriKind.Relative), again);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(unchanged.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var request = await capture.SpanAsync(s => s.DisplayName == "POST /api/{c}/documents", "for the upload");
        var ingest = await capture.SpanAsync(s => s.DisplayName == "iatoolkit.ingest" && Equals(s.GetTagItem("iatoolkit.outcome"), "new"), "iatoolkit.ingest (new)");
        Assert.That(ingest.TraceId, Is.EqualTo(request.TraceId), "the ingestion belongs to the upload's trace");
        Assert.That(ingest.GetTagItem("iatoolkit.company"), Is.EqualTo("sample_company"));
        Assert.That(ingest.GetTagItem("iatoolkit.knowledge.source"), Is.EqualTo("supplier_manuals"));
        Assert.That(ingest.GetTagItem("iatoolkit.document.format"), Is.EqualTo("txt"));
        Assert.That(ingest.GetTagItem("iatoolkit.document.pages"), Is.EqualTo(1));
        Assert.That(ingest.GetTagItem("iatoolkit.document.chunks"), Is.GreaterThanOrEqualTo(1));
        Assert.That(ingest.Status, Is.EqualTo(ActivityStatusCode.Unset));
        Assert.That(ingest.TagObjects.Select(t => t.Value?.ToString()), Has.None.Contain(name), "the file's name stays out of the span");
        var metrics = capture.FlushMetrics(host.Services);
        Assert.That(metrics, Contains.Key("iatoolkit.documents.ingested"));
        var documents = metrics["iatoolkit.documents.ingested"];
        Assert.That(TelemetryCapture.Sum(documents, ("iatoolkit.company", "sample_company"), ("iatoolkit.outcome", "new")), Is.EqualTo(1));
        Assert.That(TelemetryCapture.Sum(documents, ("iatoolkit.company", "sample_company"), ("iatoolkit.outcome", "unchanged")), Is.EqualTo(1));
    }

    [Test]
    public async Task AddDocument_Unreadable_IngestSpanFailsWithTheErrorCode()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var capture = new TelemetryCapture();
        await using var host = await StartAsync(receiver, capture);

        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.7\nnot really a pdf")), "file", $"broken-{Guid.NewGuid():N}.pdf" } };
        using var response = await host.Client.PostAsync(new Uri("/api/sample_company/documents?source=supplier_manuals", UriKind.Relative), content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var ingest = await capture.SpanAsync(s => s.DisplayName == "iatoolkit.ingest", "iatoolkit.ingest");
        Assert.That(ingest.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(ingest.GetTagItem("error.type"), Is.EqualTo("document_unreadable"));
        Assert.That(ingest.GetTagItem("iatoolkit.document.format"), Is.EqualTo("pdf"));
        var documents = capture.FlushMetrics(host.Services)["iatoolkit.documents.ingested"];
        Assert.That(TelemetryCapture.Sum(documents, ("iatoolkit.outcome", "document_unreadable")), Is.EqualTo(1));
    }

    [Test]
    public async Task LinkWithAToken_WithTelemetry_RequestSpanDoesNotCarryTheToken()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var capture = new TelemetryCapture();
        await using var host = await StartAsync(receiver, capture);
        var token = "tok" + Guid.NewGuid().ToString("N");

        using var response = await host.Client.GetAsync(new Uri($"/sample_company/verify/{token}?code={token}", UriKind.Relative));

        var request = await capture.SpanAsync(s => s.DisplayName.StartsWith("GET ", StringComparison.Ordinal) && s.DisplayName.Contains("verify", StringComparison.Ordinal), "for the verification link");
        Assert.That(request.DisplayName, Is.EqualTo("GET /{c}/verify/{token}"));
        Assert.That(request.GetTagItem("url.path"), Is.EqualTo("/sample_company/verify/REDACTED"));
        Assert.That(request.TagObjects.Select(t => t.Value?.ToString()), Has.None.Contain(token), "neither the path nor the query string carries the token");
    }

    [Test]
    public async Task Feedback_GoogleChatWebhookWithKey_ClientSpanCarriesNoKey()
    {
        using var root = new TempContentRoot();
        CopySampleCompany(root.Path);
        var yaml = Path.Combine(root.Path, "companies", "sample_company", "config", "company.yaml");
        const string Email = "  user_feedback:\n    channel: email\n    destination: feedback@example.com\n";
        Assert.That(File.ReadAllText(yaml), Does.Contain(Email), "the sample's feedback settings moved; update this test");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace(Email, "  user_feedback:\n    channel: google_chat\n    destination: spaces/AAAA-feedback\n", StringComparison.Ordinal));
        await using var webhook = await RecordingJsonServer.StartAsync();
        var key = "key" + Guid.NewGuid().ToString("N");
        await using var receiver = await OtlpReceiver.StartAsync();
        var capture = new TelemetryCapture();
        await using var host = await AssistantHost.StartAsync(
            contentRoot: root.Path,
            configure: builder =>
            {
                builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.Endpoint);
                builder.UseSetting("GOOGLE_CHAT_BOT_URL", $"{webhook.BaseUrl}/v1/spaces/hook?key={key}&token={key}");
                capture.Attach(builder);
            });

        using var response = await host.PostAsync("/api/sample_company/feedback", new { rating = 5, message = "Great.", user_identifier = "chat@example.com" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(webhook.Requests, Has.Count.EqualTo(1), "the webhook was called");
        var client = await capture.SpanAsync(s => s.Kind == ActivityKind.Client && s.TagObjects.Any(t => t.Value is string v && v.Contains("/v1/spaces/hook", StringComparison.Ordinal)), "for the webhook call");
        Assert.That(client.TagObjects.Select(t => t.Value?.ToString()), Has.None.Contain(key), "the webhook's key and token are redacted");
        Assert.That(capture.Spans.SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString()), Has.None.Contain(key));
    }

    [Test]
    public async Task Host_WithoutOtlpEndpoint_HasNoOpenTelemetrySdk()
    {
        var capture = new TelemetryCapture();
        await using var host = await AssistantHost.StartAsync(configure: capture.Attach);
        host.Llm.Enqueue(ScriptedReply.Text("Hello."));

        await host.AskAsync(new { question = "Hello?", user_identifier = "ops@example.com" });

        Assert.That(host.Services.GetService<TracerProvider>(), Is.Null, "no tracer provider: no span is even created");
        Assert.That(host.Services.GetService<MeterProvider>(), Is.Null, "no meter provider");
        Assert.That(capture.Spans, Is.Empty);
    }

    private static Task<AssistantHost> StartAsync(OtlpReceiver receiver, TelemetryCapture capture, string? coreDatabaseUri = null, string? contentRoot = null, string? serviceName = null)
        => AssistantHost.StartAsync(coreDatabaseUri: coreDatabaseUri, contentRoot: contentRoot, configure: builder =>
        {
            // Host settings, not app configuration: AddIAToolkit reads the endpoint while the host is built.
            builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.Endpoint);
            if (serviceName is not null)
            {
                builder.UseSetting("OTEL_SERVICE_NAME", serviceName);
            }

            capture.Attach(builder);
        });

    private static void EnqueueSearchAndSql(ScriptedLlmServer llm) => llm.Enqueue(
        ScriptedReply.ToolCalls(
            ("iat_document_search", """{"query":"delivery lead time","type":"supplier_manual"}"""),
            ("iat_sql_query", JsonSerializer.Serialize(new { database = "sample_database", query = SalesQuery }))),
        ScriptedReply.Text("Supplier 3 delivers as the manuals say."));

    // The sample company without its documents: an upload lands in the temporary folder, not in the sample project.
    private static void CopySampleCompany(string root)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "companies", "sample_company");
        var target = Path.Combine(root, "companies", "sample_company");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (!relative.StartsWith("sample_data", StringComparison.Ordinal))
            {
                var copy = Path.Combine(target, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }
        }

        Directory.CreateDirectory(Path.Combine(target, "sample_data", "supplier_manuals"));
        Directory.CreateDirectory(Path.Combine(target, "sample_data", "employee_contracts"));
    }
}
