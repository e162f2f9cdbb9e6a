using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests;

/// <summary>
/// A JSON body of the wrong shape is answered with 400 <c>invalid_request</c> whose detail names the field and what it
/// should be (not ASP.NET Core's "Failed to read parameter …"), and never quotes the body back.
/// </summary>
public sealed class JsonBodyErrorTests : DatabaseTest
{
    private const string Secret = "s3cr3t-body-value";

    [TestCase("/api/acme/llm_query", """{"files": "x"}""", "$.files must be an array of objects, each {token} from file-store or {name, base64}")]
    [TestCase("/api/acme/llm_query", """{"question": 5}""", "$.question must be a string")]
    [TestCase("/api/acme/llm_query", """{"question": "hi", "files": ["x"]}""", "$.files[0] must be an object {token} from file-store or {name, base64}")]
    [TestCase("/api/acme/llm_query", """{"files": [{"name": 5}]}""", "$.files[0].name must be a string")]
    [TestCase("/api/acme/llm_query", """{"client_data": []}""", "$.client_data must be an object")]
    [TestCase("/api/acme/llm_query", """["hi"]""", "The body must be an object {question, prompt_name, client_data, model, user_identifier, response_id, files, reasoning_effort}")]
    [TestCase("/acme/api/llm_query", """{"question": true}""", "$.question must be a string")]
    [TestCase("/api/acme/init-context", """{"model": ["gpt"]}""", "$.model must be a string")]
    [TestCase("/api/acme/feedback", """{"message": "ok", "rating": "five"}""", "$.rating must be a whole number")]
    [TestCase("/api/acme/history", """{"user_identifier": {}}""", "$.user_identifier must be a string")]
    [TestCase("/api/acme/embedding", """{"text": [1, 2]}""", "$.text must be a string")]
    [TestCase("/external_login/acme", """{"user_identifier": 42}""", "$.user_identifier must be a string")]
    public async Task Post_WrongShape_Returns400NamingTheFieldAndTheShape(string path, string body, string expected)
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);

        using var response = await PostAsync(host, path, body);

        var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.That(detail, Does.Contain(expected));
        Assert.That(detail, Does.Not.Contain("Failed to read").And.Not.Contain("System."), "no .NET type names");
    }

    [TestCase("""{"question": {"note": "s3cr3t-body-value"}}""", "$.question must be a string")]
    [TestCase("""{"files": [{"name": "a.txt", "base64": ["s3cr3t-body-value"]}]}""", "$.files[0].base64 must be a string")]
    public async Task LlmQuery_WrongShape_NeverEchoesTheBody(string body, string expected)
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);

        using var response = await PostAsync(host, "/api/acme/llm_query", body);

        var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.That(detail, Does.Contain(expected).And.Not.Contain(Secret));
    }

    [TestCase("{\"question\": \"s3cr3t-body-value\" \"model\": 1}", "line 1, byte 34")]
    [TestCase("{\n  \"question\": \"hi\",\n  \"files\": [\n}", "line 4, byte 1")]
    [TestCase("{\"question\": \"hi\"", "line 1")]
    public async Task LlmQuery_MalformedJson_Returns400SayingWhere(string body, string where)
    {
        await using var host = await TwoCompanyHost.StartAsync(Database.Uri);

        using var response = await PostAsync(host, "/api/acme/llm_query", body);

        var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.That(detail, Does.StartWith("The body is not valid JSON").And.Contain(where));
        Assert.That(detail, Does.Not.Contain(Secret));
    }

    private static async Task<HttpResponseMessage> PostAsync(TwoCompanyHost host, string path, string body)
    {
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await host.CreateKeyAsync("acme"));
        return await client.SendAsync(request);
    }
}
