using System.Text.Json;
using Dapper;
using IAToolkit.Testing;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary><c>iat_send_email</c> through the sample company's SMTP provider (the local SMTP sink).</summary>
public sealed class SendEmailToolTests
{
    [Test]
    public async Task SendEmail_ModelNamesARecipient_TheMailArrivesAndTheCallIsRecorded()
    {
        await using var host = await AssistantHost.StartAsync(Smtp());
        var to = $"boss-{Guid.NewGuid():N}@example.com";
        var subject = $"Top customers {Guid.NewGuid():N}";
        host.Llm.Enqueue(
            ScriptedReply.ToolCalls(("iat_send_email", JsonSerializer.Serialize(new { to = new[] { to }, subject, body = "The **five** best customers of 2024." }))),
            ScriptedReply.Dynamic(request => ScriptedReply.Text("Sent: " + request.Messages[^1].Content)));

        var answer = await host.AskAsync(new { question = $"Mail the top customers to {to}", user_identifier = "mailer@example.com" });

        var mail = await Smtp4devMailbox.FindAsync(subject, to);
        Assert.That(mail.HtmlBody, Does.Contain("<strong>five</strong>"));
        Assert.That(mail.From.Mailboxes.Single().Address, Is.EqualTo("assistant@example.com"), "the company's sender");
        Assert.That(host.Llm.ChatRequests[1].Messages[^1].Content, Does.Contain("\"sent\":true"));
        var call = answer.GetProperty("stats").GetProperty("tool_calls")[0];
        Assert.That((call.GetProperty("name").GetString(), call.GetProperty("outcome").GetString()), Is.EqualTo(("iat_send_email", "ok")));
        Assert.That(await LoggedToolCallsAsync(host, "mailer@example.com"), Does.Contain("iat_send_email").And.Contain(to));
    }

    [Test]
    public async Task SendEmail_BadAddress_ComesBackToTheModelAsAnErrorAndNothingIsSent()
    {
        await using var host = await AssistantHost.StartAsync(Smtp());
        var subject = $"Nowhere {Guid.NewGuid():N}";
        host.Llm.Enqueue(
            ScriptedReply.ToolCalls(("iat_send_email", JsonSerializer.Serialize(new { to = new[] { "not an address" }, subject, body = "x" }))),
            ScriptedReply.Text("I could not send it."));

        var answer = await host.AskAsync(new { question = "Mail it to not an address", user_identifier = "mailer2@example.com" });

        Assert.That(host.Llm.ChatRequests[1].Messages[^1].Content, Does.Contain("\"error\""));
        Assert.That(answer.GetProperty("stats").GetProperty("tool_calls")[0].GetProperty("outcome").GetString(), Is.EqualTo("error"));
        Assert.That(answer.GetProperty("answer").GetString(), Is.EqualTo("I could not send it."));
    }

    private static Dictionary<string, string?> Smtp() => new() { ["SMTP_HOST"] = TestServices.SmtpHost, ["SMTP_PORT"] = TestServices.SmtpPort };

    private static async Task<string> LoggedToolCallsAsync(AssistantHost host, string user)
    {
        await host.FlushQueryLogAsync();
        await using var connection = await SampleAssistantFixture.Core.OpenAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT tool_calls::text FROM iat_queries WHERE user_identifier = @user ORDER BY id DESC LIMIT 1", new { user }) ?? string.Empty;
    }
}
