using System.Net;
using System.Text.Json;
using Dapper;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>A question in, an answer grounded in the sample database out: over JSON, over SSE and through a prompt.</summary>
public sealed class AssistantQueryTests
{
    private const string EmployeesSql = "SELECT first_name, last_name, title FROM employees ORDER BY employee_id";

    [Test]
    public async Task LlmQuery_QuestionAboutEmployees_ModelQueriesTheDatabaseAndTheRowsReachIt()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(
            ScriptedReply.ToolCalls(("iat_sql_query", JsonSerializer.Serialize(new { database = "sample_database", query = EmployeesSql }))),
            ScriptedReply.Dynamic(request => ScriptedReply.Text("The team: " + request.Messages[^1].Content)));

        var answer = await host.AskAsync(new { question = "Who works in the company?", user_identifier = "ana@example.com" });

        var toolResult = host.Llm.ChatRequests[1].Messages[^1];
        Assert.That(toolResult.Role, Is.EqualTo("tool"));
        var firstEmployee = await FirstEmployeeAsync();
        Assert.That(toolResult.Content, Does.Contain(firstEmployee), "the rows reached the model");
        Assert.That(answer.GetProperty("answer").GetString(), Does.StartWith("The team: ").And.Contain(firstEmployee));
        Assert.That(answer.GetProperty("valid_response").GetBoolean(), Is.True);
        Assert.That(answer.GetProperty("response_id").GetString(), Does.StartWith("resp_"));
        var stats = answer.GetProperty("stats");
        Assert.That(stats.GetProperty("prompt_tokens").GetInt32(), Is.Positive);
        Assert.That(stats.GetProperty("tool_calls")[0].GetProperty("name").GetString(), Is.EqualTo("iat_sql_query"));
        Assert.That(stats.GetProperty("tool_calls")[0].GetProperty("outcome").GetString(), Is.EqualTo("ok"));
        Assert.That(host.Llm.ChatRequests[0].Tools, Does.Contain("iat_sql_query").And.Contain("iat_generate_excel").And.Contain("iat_send_email"));
    }

    [Test]
    public async Task LlmQuery_Streamed_SendsDeltasToolEventsAndTheFinalAnswer()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(
            ScriptedReply.ToolCalls(("iat_sql_query", JsonSerializer.Serialize(new { database = "sample_database", query = EmployeesSql }))),
            ScriptedReply.Text("There are **10** employees."));

        using var response = await host.PostAsync("/api/sample_company/llm_query", new { question = "How many employees?", user_identifier = "ana@example.com" }, "text/event-stream");
        var events = await AssistantHost.ReadEventsAsync(response);

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        var names = events.Select(e => e.Event).ToList();
        Assert.That(names, Does.Contain("tool_call").And.Contain("tool_result").And.Contain("delta"));
        Assert.That(names[^1], Is.EqualTo("done"));
        Assert.That(names.IndexOf("tool_call"), Is.LessThan(names.IndexOf("delta")));
        var streamed = string.Concat(events.Where(e => e.Event == "delta").Select(e => e.Data.GetProperty("text").GetString()));
        var done = events[^1].Data;
        Assert.That(streamed, Is.EqualTo("There are **10** employees."));
        Assert.That(done.GetProperty("answer").GetString(), Is.EqualTo(streamed));
        Assert.That(done.GetProperty("answer_html").GetString(), Does.Contain("<strong>10</strong>"));
        Assert.That(done.GetProperty("response_id").GetString(), Does.StartWith("resp_"));
    }

    [Test]
    public async Task LlmQuery_PromptWithCustomFields_RendersTheTemplateForTheModel()
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(
            ScriptedReply.ToolCalls(("iat_sql_query", JsonSerializer.Serialize(new { database = "sample_database", query = "SELECT company_name FROM suppliers WHERE supplier_id = 3" }))),
            ScriptedReply.Dynamic(request => ScriptedReply.Text("Supplier report: " + request.Messages[^1].Content)));

        var answer = await host.AskAsync(new { prompt_name = "supplier_report", client_data = new { supplier_id = "3" }, user_identifier = "ana@example.com" });

        var userTurn = host.Llm.ChatRequests[0].Messages[^1];
        Assert.That(userTurn.Role, Is.EqualTo("user"));
        Assert.That(userTurn.Content, Does.Contain("3"));
        Assert.That(userTurn.Content, Does.Not.Contain("{{"), "the template was rendered");
        await using var connection = await SampleAssistantFixture.Sample.OpenAsync();
        var supplier = await connection.ExecuteScalarAsync<string>("SELECT company_name FROM suppliers WHERE supplier_id = 3");
        Assert.That(answer.GetProperty("answer").GetString(), Does.StartWith("Supplier report: ").And.Contain(supplier!));
    }

    [TestCase("supplier_report", "{}", HttpStatusCode.BadRequest, "prompt_invalid", "supplier_id")]
    [TestCase("no_such_prompt", "{}", HttpStatusCode.NotFound, "prompt_not_found", "no_such_prompt")]
    public async Task LlmQuery_PromptProblems_AreClear4xx(string prompt, string clientData, HttpStatusCode status, string code, string mention)
    {
        await using var host = await AssistantHost.StartAsync();

        using var response = await host.PostAsync("/api/sample_company/llm_query", new { prompt_name = prompt, client_data = JsonDocument.Parse(clientData).RootElement, user_identifier = "ana@example.com" });

        var detail = await ApiAccessTests.AssertProblemAsync(response, status, code);
        Assert.That(detail, Does.Contain(mention));
        Assert.That(host.Llm.ChatRequests, Is.Empty, "the model was not called");
    }

    [TestCase("""{"user_identifier":"a@example.com"}""", "question")]
    [TestCase("""{"question":"hi"}""", "user_identifier")]
    public async Task LlmQuery_MissingFields_Returns400(string body, string mention)
    {
        await using var host = await AssistantHost.StartAsync();

        using var response = await host.PostAsync("/api/sample_company/llm_query", JsonDocument.Parse(body).RootElement);

        var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.That(detail, Does.Contain(mention));
    }

    private static async Task<string> FirstEmployeeAsync()
    {
        await using var connection = await SampleAssistantFixture.Sample.OpenAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT first_name FROM employees ORDER BY employee_id LIMIT 1") ?? string.Empty;
    }
}
