using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dapper;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Testing;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.AspNet.Tests.Assistant.Knowledge;

/// <summary>The sample documents loaded by the real <c>load</c> verb, then searched by the assistant with citations.</summary>
public sealed class KnowledgeBaseTests
{
    private static readonly Dictionary<string, string?> s_environment = new();

    [OneTimeSetUp]
    public async Task LoadSampleDocumentsAsync()
    {
        s_environment["SAMPLE_DATABASE_URI"] = SampleAssistantFixture.SampleReaderUri;

        // The sample's development connector reads the committed folders; production would read its S3 bucket.
        s_environment["IAToolkit__Environment"] = "development";
        var (exit, output, error) = await SampleHostProcess.RunAsync(SampleAssistantFixture.Core.Uri, s_environment, "load");
        Assert.That(exit, Is.Zero, output + error);
    }

    [Test]
    public async Task Load_RunAgain_EmbedsNothing()
    {
        var (exit, output, error) = await SampleHostProcess.RunAsync(SampleAssistantFixture.Core.Uri, s_environment, "load", "--json");

        Assert.That(exit, Is.Zero, error);
        var sources = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.That(sources.Select(s => s.GetProperty("source").GetString()), Is.EquivalentTo(new[] { "employee_contracts", "supplier_manuals" }));
        Assert.That(sources.Sum(s => s.GetProperty("unchanged").GetInt32()), Is.EqualTo(18));
        Assert.That(sources.Sum(s => s.GetProperty("new").GetInt32() + s.GetProperty("changed").GetInt32() + s.GetProperty("chunks").GetInt32()), Is.Zero);
    }

    [Test]
    public async Task Question_AboutAContractClause_FindsThePassageWithDocumentAndPage()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(
            ScriptedReply.ToolCalls(("iat_document_search", """{"query":"Julia Bianchi notice period","type":"employee_contract"}""")),
            ScriptedReply.Dynamic(request => ScriptedReply.Text("From the contract: " + request.Messages[^1].Content)));

        var answer = await host.AskAsync(new { question = "What is Julia Bianchi's notice period?", user_identifier = "hr@example.com" });

        var passages = JsonDocument.Parse(host.Llm.ChatRequests[1].Messages[^1].Content!).RootElement.GetProperty("passages").EnumerateArray().ToList();
        Assert.That(passages, Is.Not.Empty);
        var top = passages.Take(3).FirstOrDefault(p => p.GetProperty("document").GetString() == "contract_Julia_Bianchi.pdf");
        Assert.That(top.ValueKind, Is.EqualTo(JsonValueKind.Object), "Julia Bianchi's contract is among the first three passages: " + string.Join(", ", passages.Select(p => p.GetProperty("document").GetString())));
        Assert.That(top.GetProperty("page").GetInt32(), Is.InRange(1, 3));
        Assert.That(top.GetProperty("text").GetString(), Does.Contain("notice").IgnoreCase);
        Assert.That(passages.Select(p => p.GetProperty("document").GetString()), Has.All.StartWith("contract_"), "the type filter kept the supplier manuals out");
        Assert.That(answer.GetProperty("answer").GetString(), Does.Contain("contract_Julia_Bianchi.pdf"));
    }

    [Test]
    public async Task Question_AnswerCitesAPassage_ResponseListsThatDocumentAndPageOnly()
    {
        await using var host = await AssistantHost.StartAsync();
        string? document = null;
        var page = 0;
        host.Llm.Enqueue(
            ScriptedReply.ToolCalls(("iat_document_search", """{"query":"Julia Bianchi notice period"}""")),
            ScriptedReply.Dynamic(request =>
            {
                // The model cites the first passage it was given, as the tool asks: (document, p. N).
                var first = JsonDocument.Parse(request.Messages[^1].Content!).RootElement.GetProperty("passages")[0];
                document = first.GetProperty("document").GetString();
                page = first.GetProperty("page").GetInt32();
                return ScriptedReply.Text($"The notice period is in the contract ({document}, p. {page}).");
            }),
            ScriptedReply.Text("Nothing in the documents covers that."));

        var answer = await host.AskAsync(new { question = "What is Julia Bianchi's notice period?", user_identifier = "hr@example.com" });
        var citations = answer.GetProperty("citations").EnumerateArray().ToList();

        Assert.That(citations, Has.Count.EqualTo(1), answer.ToString());
        Assert.That(citations[0].GetProperty("document").GetString(), Is.EqualTo(document));
        Assert.That(citations[0].GetProperty("page").GetInt32(), Is.EqualTo(page));

        // An answer that names no document carries no citations at all.
        var plain = await host.AskAsync(new { question = "Anything about pensions?", user_identifier = "hr@example.com" });
        Assert.That(plain.TryGetProperty("citations", out _), Is.False, plain.ToString());
    }

    [Test]
    public async Task EmbeddingApi_ReturnsLittleEndianFloat32OfTheLocalModel()
    {
        await using var host = await AssistantHost.StartAsync();

        var body = await host.AskJsonAsync("/api/sample_company/embedding", new { text = "payment terms of suppliers" });

        var bytes = Convert.FromBase64String(body.GetProperty("embedding").GetString()!);
        var vector = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, vector, 0, bytes.Length);
        Assert.That(vector, Has.Length.EqualTo(384));
        Assert.That(Math.Sqrt(vector.Sum(v => (double)v * v)), Is.EqualTo(1.0).Within(1e-3));
        Assert.That(body.GetProperty("model").GetString(), Is.EqualTo("all-MiniLM-L6-v2"));
    }

    [Test]
    public async Task FileStore_TokenPutsTheFileIntoTheNextQuestion()
    {
        await using var host = await AssistantHost.StartAsync();
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("Quarterly target: 1.2 million units.")), "file", "targets.txt" } };
        using var stored = await host.Client.PostAsync(new Uri("/api/sample_company/file-store?user_identifier=pm%40example.com", UriKind.Relative), content);
        var token = JsonDocument.Parse(await stored.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
        host.Llm.Enqueue(ScriptedReply.Text("The target is 1.2 million units."));

        await host.AskAsync(new { question = "What is the target?", user_identifier = "pm@example.com", files = new[] { new { token } } });

        Assert.That(stored.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(host.Llm.ChatRequests[0].Messages[^1].Content, Does.Contain("targets.txt").And.Contain("1.2 million units"));
    }

    [TestCase("broken.pdf", "%PDF-1.7\nnot really a pdf", HttpStatusCode.UnprocessableEntity, "document_unreadable")]
    [TestCase("notes.exe", "MZ", HttpStatusCode.UnprocessableEntity, "document_unreadable")]
    [TestCase("empty.txt", "", HttpStatusCode.BadRequest, "invalid_request")]
    public async Task AddDocument_BadFile_IsRefusedAndNothingIsStored(string name, string text, HttpStatusCode status, string code)
    {
        await using var host = await AssistantHost.StartAsync();
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name } };

        using var response = await host.Client.PostAsync(new Uri("/api/sample_company/documents?source=supplier_manuals", UriKind.Relative), content);

        await ApiAccessTests.AssertProblemAsync(response, status, code);
        await using var connection = await SampleAssistantFixture.Core.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM iat_documents WHERE file_name = @name", new { name }), Is.Zero);
        Assert.That(File.Exists(Path.Combine(SampleFolder, "sample_data", "supplier_manuals", name)), Is.False);
    }

    [Test]
    public async Task AddDocument_HugeFile_Is413BeforeItIsRead()
    {
        await using var host = await AssistantHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sample_company/documents?source=supplier_manuals");
        request.Content = new ByteArrayContent([]);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        request.Content.Headers.ContentLength = 200L * 1024 * 1024;

        using var response = await host.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    // The in-memory host's content root is the sample project, so that is where an upload would land.
    private static string SampleFolder => SampleProject.CompanyFolder;
}
