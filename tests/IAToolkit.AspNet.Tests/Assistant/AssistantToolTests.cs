using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dapper;
using IAToolkit.Testing;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>The built-in tools against the real sample database, SMTP sink and Redis.</summary>
public sealed class AssistantToolTests
{
    private static readonly string[] s_attacks =
    [
        "DROP TABLE order_details",
        "UPDATE products SET unit_price = 0",
        "INSERT INTO shippers (shipper_id, company_name, phone) VALUES (99, 'x', 'y')",
        "COPY customers TO STDOUT",
        "SELECT 1; DELETE FROM orders",
        "SELECT pg_sleep(60)",
        "SELECT count(*) FROM order_details a, order_details b, order_details c, order_details d",
    ];

    [Test]
    public async Task SqlTool_HostileStatements_ChangeNothingAndEachErrorReachesTheModel()
    {
        await using var host = await AssistantHost.StartAsync(new Dictionary<string, string?> { ["IAToolkit:Sql:StatementTimeout"] = "00:00:02" });
        var before = await ChecksumsAsync();
        host.Llm.Enqueue(
            ScriptedReply.ToolCalls([.. s_attacks.Select(sql => ("iat_sql_query", JsonSerializer.Serialize(new { database = "sample_database", query = sql })))]),
            ScriptedReply.Text("Nothing could be done."));

        var watch = Stopwatch.StartNew();
        var answer = await host.AskAsync(new { question = "Break things.", user_identifier = "attacker@example.com" });

        Assert.That(await ChecksumsAsync(), Is.EqualTo(before), "no table changed");
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "pg_sleep(60) did not run past the timeout");
        var toolResults = host.Llm.ChatRequests[1].Messages.Where(m => m.Role == "tool").Select(m => m.Content).ToList();
        Assert.That(toolResults, Has.Count.EqualTo(s_attacks.Length));
        Assert.That(toolResults.Take(6), Has.All.Contain("error"), "each refused statement comes back as an error the model can read");
        Assert.That(toolResults[6], Does.Contain("\"truncated\"").Or.Contain("error"), "the huge cross join is capped or stopped");
        var calls = answer.GetProperty("stats").GetProperty("tool_calls").EnumerateArray().ToList();
        Assert.That(calls, Has.Count.EqualTo(s_attacks.Length));
    }

    [Test]
    public async Task ExcelTool_LinkDownloadsTheFileForThatUserOnly()
    {
        await using var host = await AssistantHost.StartAsync();
        var rows = new[] { new { product = "Tea", units = 12 }, new { product = "Coffee", units = 7 } };
        host.Llm.Enqueue(
            ScriptedReply.ToolCalls(("iat_generate_excel", JsonSerializer.Serialize(new { filename = "stock.xlsx", sheet_name = "Stock", data = rows }))),
            ScriptedReply.Dynamic(request => ScriptedReply.Text("Here it is: " + request.Messages[^1].Content)));

        var answer = await host.AskAsync(new { question = "Stock as Excel", user_identifier = "xl@example.com" });

        var toolResult = JsonDocument.Parse(host.Llm.ChatRequests[1].Messages[^1].Content!).RootElement;
        var link = new Uri(toolResult.GetProperty("download_url").GetString()!);
        Assert.That(answer.GetProperty("answer").GetString(), Does.Contain(link.AbsolutePath));
        using var mine = await host.Client.GetAsync(new Uri(link.PathAndQuery + "?user_identifier=xl@example.com", UriKind.Relative));
        using var theirs = await host.Client.GetAsync(new Uri(link.PathAndQuery + "?user_identifier=other@example.com", UriKind.Relative));
        var bytes = await mine.Content.ReadAsByteArrayAsync();
        Assert.That(mine.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(mine.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Assert.That(mine.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo("stock.xlsx"));
        Assert.That(bytes[..2], Is.EqualTo("PK"u8.ToArray()), "an xlsx is a zip package");
        Assert.That(theirs.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Feedback_IsStoredAndMailedToTheCompanysDestination()
    {
        await using var host = await AssistantHost.StartAsync(new Dictionary<string, string?> { ["SMTP_HOST"] = TestServices.SmtpHost, ["SMTP_PORT"] = TestServices.SmtpPort });
        var comment = $"Great answers {Guid.NewGuid():N}";

        using var response = await host.PostAsync("/api/sample_company/feedback", new { rating = 4, message = comment, user_identifier = "fb@example.com" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        await using var connection = await SampleAssistantFixture.Core.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<int>("SELECT rating FROM iat_feedback WHERE message = @comment", new { comment }), Is.EqualTo(4));
        var mail = await Smtp4devMailbox.FindToAsync("feedback@example.com");
        Assert.That(mail.HtmlBody, Does.Contain(comment));
    }

    [TestCase(0, "ok")]
    [TestCase(6, "ok")]
    [TestCase(3, "")]
    public async Task Feedback_BadRatingOrEmptyMessage_Returns400(int rating, string message)
    {
        await using var host = await AssistantHost.StartAsync();

        using var response = await host.PostAsync("/api/sample_company/feedback", new { rating, message, user_identifier = "fb@example.com" });

        await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    private static async Task<Dictionary<string, string>> ChecksumsAsync()
    {
        await using var connection = await SampleAssistantFixture.Sample.OpenAsync();
        var result = new Dictionary<string, string>();
        foreach (var table in new[] { "categories", "suppliers", "products", "customers", "employees", "shippers", "orders", "order_details", "regions", "territories", "employee_territories" })
        {
            result[table] = await connection.ExecuteScalarAsync<string>($"SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM {table} t") ?? string.Empty;
        }

        return result;
    }
}
