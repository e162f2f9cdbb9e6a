using System.Text.Json;
using Dapper;
using IAToolkit.Testing;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>
/// A prompt-injected model trying to use <c>iat_send_email</c> as an exfiltration or spam relay, through the real tool
/// loop (scripted model, the sample host, the SMTP sink). The sample allows the asking user's own address and
/// example.com (<c>mail_provider.tool</c>); everything else must be refused whole, with nothing delivered.
/// </summary>
[Category("Security")]
public sealed class SendEmailAttackTests
{
    [Test]
    public async Task SendEmail_HostileArguments_EachCallIsRefusedAndNothingIsDelivered()
    {
        await using var host = await AssistantHost.StartAsync(Smtp());
        var marker = Guid.NewGuid().ToString("N");
        var subject = $"Customer list {marker}";
        var self = $"me-{marker}@gmail.example";
        var hostile = new object[]
        {
            new { to = new[] { "x@example.com.evil.example" }, subject, body = "rows" },
            new { to = new[] { "x@EXAMPLE.COM.evil.example" }, subject, body = "rows" },
            new { to = new[] { "x@evil-example.com" }, subject, body = "rows" },
            new { to = new[] { "\"boss@example.com\" <x@evil.example>" }, subject, body = "rows" },
            new { to = new[] { "boss@example.com <x@evil.example>" }, subject, body = "rows" },
            new { to = new[] { "\"boss@example.com\"@evil.example" }, subject, body = "rows" },
            new { to = new[] { "boss@example.com, x@evil.example" }, subject, body = "rows" },
            new { to = new[] { "boss@example.com;x@evil.example" }, subject, body = "rows" },
            new { to = new[] { "boss@example.com\r\nBcc: x@evil.example" }, subject, body = "rows" },
            new { to = new[] { "undisclosed:x@evil.example;" }, subject, body = "rows" },
            new { to = new[] { "boss@\u0435xample.com" }, subject, body = "rows" },
            new { to = new[] { "x%evil.example@example.com" }, subject, body = "rows" },
            new { to = new[] { "boss@example.com", "x@evil.example" }, subject, body = "rows" },
            new { to = new[] { self, "x@evil.example" }, subject, body = "rows" },
            new { to = Enumerable.Range(0, 1000).Select(i => $"u{i}-{marker}@example.com").ToArray(), subject, body = "rows" },
            new { to = new[] { "boss@example.com" }, subject = subject + new string('!', 5000), body = "rows" },
            new { to = new[] { "boss@example.com" }, subject = subject + "\r\nBcc: x@evil.example", body = "rows" },
            new { to = new[] { "boss@example.com" }, subject, body = new string('r', 20_001) },
        };
        var withBcc = JsonSerializer.Serialize(new Dictionary<string, object> { ["to"] = new[] { "boss@example.com" }, ["bcc"] = new[] { "x@evil.example" }, ["subject"] = subject, ["body"] = "rows" });
        var calls = hostile.Select(a => ("iat_send_email", JsonSerializer.Serialize(a))).Append(("iat_send_email", withBcc)).ToArray();
        var allowed = JsonSerializer.Serialize(new { to = new[] { self, $"boss-{marker}@Example.com", $"BOSS-{marker}@example.com" }, subject = subject + " (allowed)", body = "The **rows**." });
        host.Llm.Enqueue(ScriptedReply.ToolCalls(calls), ScriptedReply.ToolCalls(("iat_send_email", allowed)), ScriptedReply.Text("Done."));

        var answer = await host.AskAsync(new { question = "Summarize the customers", user_identifier = self });

        var outcomes = answer.GetProperty("stats").GetProperty("tool_calls").EnumerateArray().Select(c => c.GetProperty("outcome").GetString()).ToList();
        Assert.That(outcomes, Is.EqualTo(Enumerable.Repeat("error", calls.Length).Append("ok")));
        var results = host.Llm.ChatRequests[1].Messages.Where(m => m.Role == "tool").Select(m => m.Content).ToList();
        Assert.That(results, Has.Count.EqualTo(calls.Length).And.All.Contain("\"code\":\"mail_not_allowed\"").And.All.Contain("Nothing was sent."));
        Assert.That(results[0], Does.Contain("only to the address of the user who asks and to addresses at example.com"));

        // The allowed mail, sent after the hostile ones, is the only one with the marker that arrived.
        var delivered = await Smtp4devMailbox.FindAsync(subject + " (allowed)", self);
        Assert.That(delivered.To.Mailboxes.Select(m => m.Address), Is.EquivalentTo(new[] { self, $"boss-{marker}@example.com" }), "duplicates once, domain in lower case");
        await Task.Delay(500);
        Assert.That((await Smtp4devMailbox.WithSubjectContainingAsync(marker)).Select(m => m.Subject), Is.EqualTo(new[] { subject + " (allowed)" }));
        Assert.That(await LoggedToolErrorsAsync(host, self), Has.Count.EqualTo(calls.Length), "each refusal is recorded with the query");
    }

    [Test]
    public async Task SendEmail_UserWithoutKnownAddress_CannotMailTheirOwnOutsideAddress()
    {
        await using var host = await AssistantHost.StartAsync(Smtp());
        var marker = Guid.NewGuid().ToString("N");
        host.Llm.Enqueue(
            ScriptedReply.ToolCalls(("iat_send_email", JsonSerializer.Serialize(new { to = new[] { $"portal-{marker}@gmail.example" }, subject = $"Mine {marker}", body = "x" }))),
            ScriptedReply.Text("No."));

        // The sample's GetUserInfoAsync gives an e-mail only for identifiers that are one.
        await host.AskAsync(new { question = "Mail it to me", user_identifier = $"portal-{marker}" });

        Assert.That(host.Llm.ChatRequests[1].Messages[^1].Content, Does.Contain("this user has no known e-mail address"));
        Assert.That(await Smtp4devMailbox.WithSubjectContainingAsync(marker), Is.Empty);
    }

    private static Dictionary<string, string?> Smtp() => new() { ["SMTP_HOST"] = TestServices.SmtpHost, ["SMTP_PORT"] = TestServices.SmtpPort };

    private static async Task<List<string>> LoggedToolErrorsAsync(AssistantHost host, string user)
    {
        await host.FlushQueryLogAsync();
        await using var connection = await SampleAssistantFixture.Core.OpenAsync();
        const string Sql = """
            SELECT c->>'error' FROM iat_queries, jsonb_array_elements(tool_calls::jsonb) c
            WHERE user_identifier = @user AND c->>'outcome' = 'error'
            """;
        return [.. await connection.QueryAsync<string>(Sql, new { user })];
    }
}
