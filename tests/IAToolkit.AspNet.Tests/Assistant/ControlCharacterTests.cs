using System.Net;
using System.Text;
using Dapper;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>
/// NUL and the other control characters (and lone surrogates) are refused at the edge with 400 invalid_request naming
/// the field, before any work and before PostgreSQL could fail with a 500; tab and line breaks stay fine in free text.
/// </summary>
[Category("Security")]
public sealed class ControlCharacterTests
{
    private const string Query = "/api/sample_company/llm_query";

    private static IEnumerable<TestCaseData> BadQueries()
    {
        yield return new TestCaseData("""{"question":"How many\u0000 employees?","user_identifier":"cc@example.com"}""", "question").SetName("LlmQuery_NulInQuestion_Returns400");
        yield return new TestCaseData("""{"question":"Esc \u001b[31m red","user_identifier":"cc@example.com"}""", "question").SetName("LlmQuery_EscapeInQuestion_Returns400");
        yield return new TestCaseData("""{"question":"Bell \u0007 and DEL \u007f","user_identifier":"cc@example.com"}""", "question").SetName("LlmQuery_BellInQuestion_Returns400");
        yield return new TestCaseData("""{"question":"Hi","user_identifier":"cc@example.com\u0000admin"}""", "user_identifier").SetName("LlmQuery_NulInUserIdentifier_Returns400");
        yield return new TestCaseData("""{"question":"Hi","user_identifier":"cc@example.com\r\nX: y"}""", "user_identifier").SetName("LlmQuery_CrLfInUserIdentifier_Returns400");
        yield return new TestCaseData("""{"prompt_name":"sales_report","client_data":{"period":"2024\u0000"},"user_identifier":"cc@example.com"}""", "client_data.period").SetName("LlmQuery_NulInClientDataValue_Returns400");
        yield return new TestCaseData("""{"prompt_name":"sales_report","client_data":{"per\u0000iod":"2024"},"user_identifier":"cc@example.com"}""", "client_data").SetName("LlmQuery_NulInClientDataKey_Returns400");
        yield return new TestCaseData("""{"prompt_name":"sales_report","client_data":{"filters":[{"name":"x\u0002"}]},"user_identifier":"cc@example.com"}""", "client_data.filters[0].name").SetName("LlmQuery_NulDeepInClientData_Returns400");
        yield return new TestCaseData("""{"prompt_name":"sales\r\nreport","user_identifier":"cc@example.com"}""", "prompt_name").SetName("LlmQuery_CrLfInPromptName_Returns400");
        yield return new TestCaseData("""{"question":"Hi","response_id":"resp_\u0000","user_identifier":"cc@example.com"}""", "response_id").SetName("LlmQuery_NulInResponseId_Returns400");
        yield return new TestCaseData("""{"question":"Read it","files":[{"filename":"notes\u0000.txt","content":"aGVsbG8="}],"user_identifier":"cc@example.com"}""", "files[0].filename").SetName("LlmQuery_NulInFileName_Returns400");
        yield return new TestCaseData("""{"question":"Lone \ud800 surrogate","user_identifier":"cc@example.com"}""", null).SetName("LlmQuery_LoneSurrogateInQuestion_Returns400");
        yield return new TestCaseData("""{"question":"Hi","model":"gpt-4o-mini\u0000","user_identifier":"cc@example.com"}""", "model").SetName("LlmQuery_NulInModel_Returns400");
    }

    [TestCaseSource(nameof(BadQueries))]
    public async Task Refused(string json, string? field)
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.Text("Should not be asked."));

        foreach (var accept in new[] { "application/json", "text/event-stream" })
        {
            using var response = await PostRawAsync(host, Query, json, accept);

            var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
            if (field is not null)
            {
                Assert.That(detail, Does.StartWith(field + " contains"));
            }
        }

        Assert.That(host.Llm.ChatRequests, Is.Empty);
        await host.FlushQueryLogAsync();
        await using var connection = await SampleAssistantFixture.Core.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM iat_queries WHERE user_identifier LIKE 'cc@example.com%'"), Is.Zero);
    }

    [Test]
    public async Task LlmQuery_TabsAndLineBreaksInTheQuestion_AreFine()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.Text("Fine."));

        var answer = await host.AskAsync(new { question = "Line one\r\nLine two\n\tindented", user_identifier = "multiline@example.com" });

        Assert.That(answer.GetProperty("answer").GetString(), Is.EqualTo("Fine."));
        Assert.That(host.Llm.ChatRequests[0].Body.ToString(), Does.Contain("Line two\\n\\tindented"));
    }

    [TestCase("""{"rating":4,"message":"Great\u0000 answer","user_identifier":"fb-cc@example.com"}""", "message")]
    [TestCase("""{"rating":4,"message":"Great","user_identifier":"fb-cc@example.com\u0000"}""", "user_identifier")]
    [TestCase("""{"rating":4,"message":"Great \u001f","user_identifier":"fb-cc@example.com"}""", "message")]
    public async Task Feedback_ControlCharacter_Returns400AndStoresNothing(string json, string field)
    {
        await using var host = await AssistantHost.StartAsync();

        using var response = await PostRawAsync(host, "/api/sample_company/feedback", json, "application/json");

        var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.That(detail, Does.StartWith(field + " contains"));
        await using var connection = await SampleAssistantFixture.Core.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM iat_feedback WHERE user_identifier LIKE 'fb-cc@example.com%'"), Is.Zero);
    }

    [Test]
    public async Task Feedback_MultilineMessage_IsStored()
    {
        await using var host = await AssistantHost.StartAsync();

        using var response = await host.PostAsync("/api/sample_company/feedback", new { rating = 5, message = "Line one\n\tLine two", user_identifier = "fb-ok@example.com" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var connection = await SampleAssistantFixture.Core.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<string>("SELECT message FROM iat_feedback WHERE user_identifier = 'fb-ok@example.com'"), Is.EqualTo("Line one\n\tLine two"));
    }

    [TestCase("/api/sample_company/history?user_identifier=a%00b")]
    [TestCase("/sample_company/api/history?user_identifier=a%0D%0Ab")]
    public async Task History_ControlCharacterInQuery_Returns400(string path)
    {
        await using var host = await AssistantHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));

        var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.That(detail, Does.StartWith("user_identifier contains"));
    }

    [Test]
    public async Task Embedding_NulInText_Returns400()
    {
        await using var host = await AssistantHost.StartAsync();

        using var response = await PostRawAsync(host, "/api/sample_company/embedding", """{"text":"a\u0000b"}""", "application/json");

        var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.That(detail, Does.StartWith("text contains"));
    }

    [TestCase("notes\u0000.txt")]
    [TestCase("notes\u0001.txt")]
    [TestCase("notes\u001b.txt")]
    public async Task FileStore_ControlCharacterInFileName_Returns400(string name)
    {
        await using var host = await AssistantHost.StartAsync();
        const string boundary = "----iat-test-boundary";
        var body = $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: text/plain\r\n\r\nSome notes.\r\n--{boundary}--\r\n";
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");

        using var response = await host.Client.PostAsync(new Uri("/api/sample_company/file-store", UriKind.Relative), content);

        var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.That(detail, Does.StartWith("file name contains"));
    }

    [TestCase("%2Fsample_company%2Fchat%0D%0ASet-Cookie%3A%20pwned%3D1")]
    [TestCase("%2Fsample_company%2Fchat%0ALocation%3A%20https%3A%2F%2Fevil.example")]
    [TestCase("%2Fsample_company%2Fchat%00")]
    public async Task Login_ControlCharacterInReturnUrl_Returns400(string returnUrl)
    {
        await using var host = await AssistantHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri($"/sample_company/login?return_url={returnUrl}", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.Contains("pwned", StringComparison.Ordinal)), Is.False);
        Assert.That(response.Headers.Location, Is.Null);
    }

    private static async Task<HttpResponseMessage> PostRawAsync(AssistantHost host, string path, string json, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd(accept);
        return await host.Client.SendAsync(request);
    }
}
