using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using IAToolkit.Identity;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Redis;
using IAToolkit.Testing;
using IAToolkit.Testing.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.AspNet.Tests.Assistant.Knowledge;

/// <summary>
/// Bombs sent to the file-store and to the document upload: a clear 422 within seconds, nothing stored; a host whose
/// reading slots are all taken answers 503 with Retry-After instead of queueing.
/// </summary>
[Category("Security")]
public sealed class UploadBudgetTests
{
    private const string Run = "<w:p><w:r><w:t>All work and no play makes Jack a dull boy. </w:t></w:r></w:p>";

    [TestCase("bomb.docx", "MaxPartBytes")]
    [TestCase("deep.docx", "MaxXmlDepth")]
    [TestCase("strings.xlsx", "MaxCharacters")]
    [TestCase("flate.pdf", "MaxPdfStreamBytes")]
    [TestCase("pages.pdf", "MaxPdfPages")]
    public async Task FileStore_Bomb_Is422NamingTheBudgetWithinSeconds(string name, string setting)
    {
        await using var host = await AssistantHost.StartAsync();
        var watch = Stopwatch.StartNew();

        using var response = await PostFileAsync(host.Client, "/api/sample_company/file-store?user_identifier=pm%40example.com", name, Bomb(name));

        var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "document_too_complex");
        Assert.That(detail, Does.Contain(name).And.Contain($"IAToolkit:Knowledge:Parsing:{setting}"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(8)));
    }

    [TestCase("flate.pdf")]
    [TestCase("bomb.docx")]
    public async Task AddDocument_Bomb_Is422AndNothingIsStoredOrIndexed(string kind)
    {
        await using var host = await AssistantHost.StartAsync();
        var name = $"bomb-{Guid.NewGuid():N}{Path.GetExtension(kind)}";

        using var response = await PostFileAsync(host.Client, "/api/sample_company/documents?source=supplier_manuals", name, Bomb(kind));

        await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "document_too_complex");
        Assert.That(await IndexedAsync(name), Is.Zero);
        Assert.That(File.Exists(Path.Combine(SampleProject.CompanyFolder, "sample_data", "supplier_manuals", name)), Is.False);
    }

    [Test]
    public async Task FileStore_AllReadingSlotsBusy_Is503WithRetryAfterAndTheSlowFileGets422()
    {
        await using var host = await AssistantHost.StartAsync(new Dictionary<string, string?>
        {
            ["IAToolkit:Knowledge:Parsing:MaxConcurrentParses"] = "1",
            ["IAToolkit:Knowledge:Parsing:MaxQueueWait"] = "00:00:00",
            ["IAToolkit:Knowledge:Parsing:MaxParseTime"] = "00:00:04",
        });
        // Fifteen hundred pages of ordinary text: within every size budget, more work than the time budget allows.
        var slow = HandWrittenPdfContent.Write(HandWrittenPdfContent.WordsOnLines(400), pages: 1500);
        var watch = Stopwatch.StartNew();
        var first = PostFileAsync(host.Client, "/api/sample_company/file-store?user_identifier=pm%40example.com", "slow.pdf", slow);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        using var second = await PostFileAsync(host.Client, "/api/sample_company/file-store?user_identifier=pm%40example.com", "note.txt", "A short note."u8.ToArray());

        await ApiAccessTests.AssertProblemAsync(second, HttpStatusCode.ServiceUnavailable, "parsing_busy");
        Assert.That(second.Headers.RetryAfter?.Delta, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
        using var slowResponse = await first;
        var detail = await ApiAccessTests.AssertProblemAsync(slowResponse, HttpStatusCode.UnprocessableEntity, "document_too_complex");
        Assert.That(detail, Does.Contain("MaxParseTime"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(9)), "answered at the time budget, not when the reading would have ended");
    }

    [Test]
    public async Task FileStore_LongText_KeepsOnlyWhatAQuestionIsGiven()
    {
        await using var host = await AssistantHost.StartAsync(new Dictionary<string, string?> { ["IAToolkit:Knowledge:MaxFileStoreCharacters"] = "1000" });
        var text = string.Concat(Enumerable.Repeat("Line of a long report. ", 20_000));

        using var response = await PostFileAsync(host.Client, "/api/sample_company/file-store?user_identifier=pm%40example.com", "long.txt", Encoding.UTF8.GetBytes(text));

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var stored = await StoredTextAsync(host, JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!);
        Assert.That(stored, Does.StartWith("Line of a long report.").And.EndWith("only its first 1000 characters are given]"));
        Assert.That(stored, Has.Length.LessThan(1200), "Redis holds the text a question uses, not the 460,000 characters read");
    }

    internal static byte[] Bomb(string name) => name switch
    {
        "bomb.docx" => BombPackage.Docx(BombPackage.Repeat(Run, 800_000)),
        "deep.docx" => BombPackage.Docx(w =>
        {
            BombPackage.Repeat("<w:sdt><w:sdtContent>", 50_000)(w);
            BombPackage.Repeat("</w:sdtContent></w:sdt>", 50_000)(w);
        }),
        "strings.xlsx" => BombPackage.Xlsx(w => w.Write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), BombPackage.Repeat("<si><t>a shared string, one of many</t></si>", 400_000)),
        "flate.pdf" => HandWrittenPdfContent.FlateBomb(100L * 1024 * 1024),
        "pages.pdf" => HandWrittenPdfContent.Write(HandWrittenPdfContent.WordsOnLines(50), pages: 20_000),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    internal static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string path, string name, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    internal static async Task<int> IndexedAsync(string name)
    {
        await using var connection = await SampleAssistantFixture.Core.OpenAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM iat_documents WHERE file_name = @name", new { name });
    }

    private static async Task<string> StoredTextAsync(AssistantHost host, string token)
    {
        var redis = host.Services.GetRequiredService<RedisConnection>();
        var database = (await redis.GetAsync()).GetDatabase();
        var key = $"{redis.KeyPrefix}filestore:{Convert.ToHexStringLower(SecureTokens.Hash(token))}";
        return (await database.HashGetAsync(key, "text")).ToString();
    }
}
