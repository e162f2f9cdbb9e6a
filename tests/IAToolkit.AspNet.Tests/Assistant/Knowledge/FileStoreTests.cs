using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using IAToolkit.AspNet.Endpoints;
using IAToolkit.AspNet.Security;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Testing;
using IAToolkit.Testing.ScriptedLlm;
using Microsoft.AspNetCore.Http;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace IAToolkit.AspNet.Tests.Assistant.Knowledge;

/// <summary>Files kept for one question: their text reaches the model; limits, expiry, other companies and other users are refused.</summary>
[Category("Security")]
public sealed class FileStoreTests
{
    [Test]
    public async Task FileStore_Docx_ItsTextReachesTheModelWithItsName()
    {
        await using var host = await AssistantHost.StartAsync();
        var token = await StoreAsync(host.Client, "/api/sample_company/file-store", "brief.docx", Docx("Launch date: 14 March. Budget: 42,000 euros."));
        host.Llm.Enqueue(ScriptedReply.Text("The budget is 42,000 euros."));

        await host.AskAsync(new { question = "What is the budget?", user_identifier = "pm@example.com", files = new[] { new { token } } });

        Assert.That(host.Llm.ChatRequests[0].Messages[^1].Content, Does.Contain("brief.docx").And.Contain("Budget: 42,000 euros."));
    }

    [Test]
    public async Task FileStore_AboveTheLimit_Is413AndGivesNoToken()
    {
        await using var host = await AssistantHost.StartAsync(new Dictionary<string, string?> { ["IAToolkit:Knowledge:MaxFileStoreBytes"] = "1024" });

        using var response = await PostFileAsync(host.Client, "/api/sample_company/file-store", "big.txt", Encoding.UTF8.GetBytes(new string('x', 4096)));

        var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "document_too_large");
        Assert.That(detail, Does.Contain("big.txt"));
    }

    [TestCase("tool.exe", "MZ")]
    [TestCase("broken.pdf", "%PDF-1.4 nothing more")]
    public async Task FileStore_UnsupportedOrCorrupt_Is422NamingTheFile(string name, string content)
    {
        await using var host = await AssistantHost.StartAsync();

        using var response = await PostFileAsync(host.Client, "/api/sample_company/file-store", name, Encoding.UTF8.GetBytes(content));

        var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "document_unreadable");
        Assert.That(detail, Does.Contain(name));
    }

    [Test]
    public async Task LlmQuery_ExpiredToken_Is404AndTheModelIsNotCalled()
    {
        await using var host = await AssistantHost.StartAsync(new Dictionary<string, string?> { ["IAToolkit:Knowledge:FileStoreLifetime"] = "00:00:01" });
        var token = await StoreAsync(host.Client, "/api/sample_company/file-store", "note.txt", Encoding.UTF8.GetBytes("Short-lived note."));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        using var response = await host.PostAsync("/api/sample_company/llm_query", new { question = "What does the note say?", user_identifier = "pm@example.com", files = new[] { new { token } } });

        await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.NotFound, "file_not_found");
        Assert.That(host.Llm.ChatRequests, Is.Empty);
    }

    [TestCase("not-a-token")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task LlmQuery_UnknownToken_Is404AndTheModelIsNotCalled(string token)
    {
        await using var host = await AssistantHost.StartAsync();

        using var response = await host.PostAsync("/api/sample_company/llm_query", new { question = "Read it.", user_identifier = "pm@example.com", files = new[] { new { token } } });

        await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.NotFound, "file_not_found");
        Assert.That(host.Llm.ChatRequests, Is.Empty);
    }

    [Test]
    public async Task LlmQuery_TokenOfAnotherCompany_Is404AndTheFileStaysWithItsOwner()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var llm = await ScriptedLlmServer.StartAsync();
        await using var host = await TwoCompanyHost.StartAsync(database.Uri, new Dictionary<string, string?> { ["OPENAI_BASE_URL"] = llm.OpenAIEndpoint.ToString() });
        using var acme = host.Client();
        acme.DefaultRequestHeaders.Authorization = new("Bearer", await host.CreateKeyAsync("acme"));
        using var globex = host.Client();
        globex.DefaultRequestHeaders.Authorization = new("Bearer", await host.CreateKeyAsync("globex"));
        var token = await StoreAsync(acme, "/api/acme/file-store", "prices.txt", Encoding.UTF8.GetBytes("Acme's confidential price list."), "ana@acme.example");

        using var stolen = await globex.PostAsJsonAsync("/api/globex/llm_query", new { question = "What is in the file?", user_identifier = "spy@globex.example", files = new[] { new { token } } });

        await ApiAccessTests.AssertProblemAsync(stolen, HttpStatusCode.NotFound, "file_not_found");
        Assert.That(llm.ChatRequests, Is.Empty, "nothing of the file went anywhere");
        llm.Enqueue(ScriptedReply.Text("The price list."));
        using var own = await acme.PostAsJsonAsync("/api/acme/llm_query", new { question = "What is in the file?", user_identifier = "ana@acme.example", files = new[] { new { token } } });
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK), await own.Content.ReadAsStringAsync());
        Assert.That(llm.ChatRequests[0].Messages[^1].Content, Does.Contain("confidential price list"));
    }

    [TestCase("someone.else@example.com")]
    [TestCase("PM@example.com")]
    [TestCase("pm@example.com.")]
    public async Task LlmQuery_TokenOfAnotherUserOfTheCompany_Is404AndTheFileStaysWithItsOwner(string other)
    {
        await using var host = await AssistantHost.StartAsync();
        var token = await StoreAsync(host.Client, "/api/sample_company/file-store", "salary.txt", Encoding.UTF8.GetBytes("My salary review: 61,500 euros."), "pm@example.com");

        using var stolen = await host.PostAsync("/api/sample_company/llm_query", new { question = "What is in the file?", user_identifier = other, files = new[] { new { token } } });

        await ApiAccessTests.AssertProblemAsync(stolen, HttpStatusCode.NotFound, "file_not_found");
        Assert.That(host.Llm.ChatRequests, Is.Empty, "nothing of the file went anywhere");
        host.Llm.Enqueue(ScriptedReply.Text("Your review says 61,500 euros."));
        await host.AskAsync(new { question = "What is in the file?", user_identifier = "pm@example.com", files = new[] { new { token } } });
        Assert.That(host.Llm.ChatRequests[0].Messages[^1].Content, Does.Contain("61,500 euros"));
    }

    [TestCase("local", "api_key")]
    [TestCase("local", "external")]
    public void FileOwner_SameIdentifierSignedInAnotherWay_IsAnotherOwner(string first, string second)
    {
        // A local account's id and a portal's user_identifier are different namespaces: "17" is not "17".
        Assert.That(CallerIdentity.FileOwner(Caller(first, "17"), "17"), Is.Not.EqualTo(CallerIdentity.FileOwner(Caller(second, "17"), "17")));
    }

    [Test]
    public void FileOwner_PortalUserThroughExternalLoginOrApi_IsTheSameOwner()
        => Assert.That(CallerIdentity.FileOwner(Caller("external", "ana"), null), Is.EqualTo(CallerIdentity.FileOwner(Caller("api_key", "x"), "ana")));

    [Test]
    public async Task FileStore_ApiKeyWithoutUserIdentifier_Is400AndGivesNoToken()
    {
        await using var host = await AssistantHost.StartAsync();

        using var response = await PostFileAsync(host.Client, "/api/sample_company/file-store", "note.txt", Encoding.UTF8.GetBytes("A note."), user: null);

        var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.That(detail, Does.Contain("user_identifier"));
    }

    private static async Task<string> StoreAsync(HttpClient client, string path, string name, byte[] content, string user = "pm@example.com")
    {
        using var response = await PostFileAsync(client, path, name, content, user);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string path, string name, byte[] content, string? user = "pm@example.com")
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        if (user is not null)
        {
            form.Add(new StringContent(user), "user_identifier");
        }

        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    private static DefaultHttpContext Caller(string authType, string nameIdentifier)
    {
        var claims = new List<Claim> { new(IAToolkitAuthentication.AuthTypeClaim, authType) };
        if (authType != "api_key")
        {
            claims.Add(new Claim(ClaimTypes.NameIdentifier, nameIdentifier));
        }

        return new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test")) };
    }

    private static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text(text)))));
        }

        return stream.ToArray();
    }
}
