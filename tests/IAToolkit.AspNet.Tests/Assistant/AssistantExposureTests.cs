using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>
/// What an answer exposes beyond its text: the Excel tool's download link is built on the public base URL, whatever
/// host the question claimed to come to, and no answer (JSON or stream) may be kept by a cache.
/// </summary>
[Category("Security")]
public sealed class AssistantExposureTests
{
    [Test]
    public async Task LlmQuery_JsonAndStream_AreNotStored()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.Text("One."), ScriptedReply.Text("Two."));

        using var json = await host.PostAsync("/api/sample_company/llm_query", new { question = "One?", user_identifier = "cache@example.com" });
        using var stream = await host.PostAsync("/api/sample_company/llm_query", new { question = "Two?", user_identifier = "cache@example.com" }, "text/event-stream");
        await AssistantHost.ReadEventsAsync(stream);

        Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(json.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(stream.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        Assert.That(stream.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(stream.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
    }

    [Test]
    public async Task ExcelTool_ForgedHostHeaders_LinkStartsWithThePublicBaseUrlAndDownloads()
    {
        await using var host = await AssistantHost.StartAsync(new Dictionary<string, string?>
        {
            ["IAToolkit:PublicBaseUrl"] = "https://assistant.example.test/sub",
            ["AllowedHosts"] = "*",
        });
        var rows = new[] { new { product = "Tea", units = 12 } };
        host.Llm.Enqueue(
            ScriptedReply.ToolCalls(("iat_generate_excel", JsonSerializer.Serialize(new { filename = "stock.xlsx", sheet_name = "Stock", data = rows }))),
            ScriptedReply.Text("Done."));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sample_company/llm_query")
        {
            Content = JsonContent.Create(new { question = "Stock as Excel", user_identifier = "xl2@example.com" }),
        };
        request.Headers.Host = "evil.example";
        request.Headers.Add("X-Forwarded-Host", "evil2.example");
        request.Headers.Add("X-Forwarded-Proto", "http");

        using var response = await host.Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var toolResult = JsonDocument.Parse(host.Llm.ChatRequests[1].Messages[^1].Content!).RootElement;
        var link = toolResult.GetProperty("download_url").GetString()!;
        using var download = await host.Client.GetAsync(new Uri(new Uri(link).AbsolutePath["/sub".Length..] + "?user_identifier=xl2@example.com", UriKind.Relative));

        Assert.That(link, Does.StartWith("https://assistant.example.test/sub/api/sample_company/downloads/"));
        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the path after the base is the download's");
    }
}
