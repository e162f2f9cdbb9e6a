using System.Text.Json;
using IAToolkit.Mail;
using IAToolkit.Testing;

namespace IAToolkit.Core.Tests.Mail;

/// <summary>Mail through Brevo's API, against a fake Brevo on a local port: the request it gets and the answers it gives.</summary>
public sealed class BrevoMailTests
{
    private const string Key = "xkeysib-0123456789abcdef0123456789abcdef-TESTKEY";

    [Test]
    public async Task SendAsync_Brevo_PostsTheDocumentedJsonWithEveryAttachment()
    {
        await using var brevo = await StartBrevoAsync();
        using var host = Host(brevo);
        var first = "%PDF-1.7 first"u8.ToArray();
        var second = new byte[] { 0, 1, 2, 254, 255 };
        var third = "third"u8.ToArray();
        var message = new MailMessageSpec
        {
            To = ["ana@example.com", "bob@example.org"],
            Subject = "Your report",
            HtmlBody = "<p>Attached.</p>",
            TextBody = "Attached.",
            Attachments =
            [
                new MailAttachment("a.pdf", "application/pdf", first),
                new MailAttachment("b.bin", "application/octet-stream", second),
                new MailAttachment("c.txt", "text/plain", third),
            ],
        };

        await host.Mail.SendAsync(MailTestCompany.Create(MailTestCompany.Brevo), message);

        var request = brevo.Requests.Single();
        Assert.That((request.Method, request.Path, request.Header("api-key")), Is.EqualTo(("POST", "/v3/smtp/email", Key)));
        Assert.That(request.ContentType, Does.StartWith("application/json"));
        var body = request.Body;
        Assert.That(body.GetProperty("sender").GetProperty("name").GetString(), Is.EqualTo("ACME Assistant"));
        Assert.That(body.GetProperty("sender").GetProperty("email").GetString(), Is.EqualTo("assistant@acme.example"));
        Assert.That(body.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("email").GetString()), Is.EqualTo(new[] { "ana@example.com", "bob@example.org" }));
        Assert.That(body.GetProperty("subject").GetString(), Is.EqualTo("Your report"));
        Assert.That(body.GetProperty("htmlContent").GetString(), Is.EqualTo("<p>Attached.</p>"));
        Assert.That(body.GetProperty("textContent").GetString(), Is.EqualTo("Attached."));
        var attachments = body.GetProperty("attachment").EnumerateArray()
            .Select(a => (a.GetProperty("name").GetString(), Convert.FromBase64String(a.GetProperty("content").GetString()!)))
            .ToList();
        Assert.That(attachments, Is.EqualTo(new[] { ("a.pdf", first), ("b.bin", second), ("c.txt", third) }));
    }

    [Test]
    public async Task SendAsync_NoTextNorAttachments_SendsNeitherKey()
    {
        await using var brevo = await StartBrevoAsync();
        using var host = Host(brevo);

        await host.Mail.SendAsync(MailTestCompany.Create(MailTestCompany.Brevo), new MailMessageSpec { To = ["ana@example.com"], Subject = "Hi", HtmlBody = "<p>Hi</p>" });

        var keys = brevo.Requests.Single().Body.EnumerateObject().Select(p => p.Name);
        Assert.That(keys, Is.EquivalentTo(new[] { "sender", "to", "subject", "htmlContent" }));
    }

    [Test]
    public async Task SendAsync_BrevoAnswers400_FailsNamingTheStatusAndBrevosMessageButNotTheKey()
    {
        await using var brevo = await StartBrevoAsync();
        brevo.StatusCode = 400;
        brevo.ResponseBody = """{"code":"invalid_parameter","message":"sender is not valid"}""";
        using var host = Host(brevo);

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => host.Mail.SendAsync(MailTestCompany.Create(MailTestCompany.Brevo), Message()));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.MailFailed));
        Assert.That(error.Message, Is.EqualTo(
            "Mail for company 'acme' was not sent through Brevo: Brevo answered HTTP 400 (Bad Request): invalid_parameter: sender is not valid"));
        var failure = host.Logs.Entries.Single(e => e.EventId == 1302).Message;
        Assert.That(failure, Does.Contain("acme").And.Contain("brevo_mail").And.Contain("to example.com failed").And.Contain("sender is not valid"));
        Assert.That(host.Logs.Entries.Select(e => e.Message), Has.None.Contain(Key).And.None.Contain("ana@"));
    }

    [Test]
    public async Task SendAsync_BrevoEchoesTheKey_TheKeyIsHiddenInTheErrorAndTheLog()
    {
        await using var brevo = await StartBrevoAsync();
        brevo.StatusCode = 401;
        brevo.ResponseBody = JsonSerializer.Serialize(new { code = "unauthorized", message = $"Key not found: {Key}" });
        using var host = Host(brevo);

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => host.Mail.SendAsync(MailTestCompany.Create(MailTestCompany.Brevo), Message()));

        Assert.That(error!.Message, Does.EndWith("HTTP 401 (Unauthorized): unauthorized: Key not found: ***"));
        Assert.That(host.Logs.Entries.Select(e => e.Message), Has.None.Contain(Key));
    }

    [TestCase(201, """{"id":"x"}""", "HTTP 201 (Created) without a messageId")]
    [TestCase(502, "<html>Bad gateway</html>", "HTTP 502 (Bad Gateway): <html>Bad gateway</html>")]
    public async Task SendAsync_BrevoAnswersWithoutAMessageId_Fails(int status, string body, string expected)
    {
        await using var brevo = await StartBrevoAsync();
        brevo.StatusCode = status;
        brevo.ResponseBody = body;
        using var host = Host(brevo);

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => host.Mail.SendAsync(MailTestCompany.Create(MailTestCompany.Brevo), Message()));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.MailFailed));
        Assert.That(error.Message, Does.Contain(expected));
    }

    [Test]
    public async Task SendAsync_BrevoTooSlow_FailsAfterTheConfiguredTimeout()
    {
        await using var brevo = await StartBrevoAsync();
        brevo.Delay = TimeSpan.FromSeconds(30);
        using var host = Host(brevo, timeout: "00:00:01");

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => host.Mail.SendAsync(MailTestCompany.Create(MailTestCompany.Brevo), Message()));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.MailFailed));
        Assert.That(error.Message, Does.EndWith($"{brevo.BaseUrl} did not answer within 1 s."));
    }

    [Test]
    public async Task SendAsync_KeyVariableUnset_FailsNamingTheVariableAndTheKey()
    {
        using var host = new MailTestHost(new Dictionary<string, string?>());

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => host.Mail.SendAsync(MailTestCompany.Create(MailTestCompany.Brevo), Message()));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.MailFailed));
        Assert.That(error.Message, Does.Contain("ACME_BREVO_KEY is not set: companies/acme/config/company.yaml: mail_provider.brevo_mail.brevo_api names it"));
    }

    // Brevo answers a sent mail with 201 and its messageId.
    private static async Task<RecordingJsonServer> StartBrevoAsync()
    {
        var brevo = await RecordingJsonServer.StartAsync();
        brevo.StatusCode = 201;
        brevo.ResponseBody = """{"messageId":"<202611291200.12345@smtp-relay.mailin.fr>"}""";
        return brevo;
    }

    private static MailTestHost Host(RecordingJsonServer brevo, string timeout = "00:00:30") => new(new Dictionary<string, string?>
    {
        ["ACME_BREVO_KEY"] = Key,
        ["IAToolkit:Mail:BrevoBaseUrl"] = brevo.BaseUrl,
        ["IAToolkit:Mail:Timeout"] = timeout,
    });

    private static MailMessageSpec Message() => new() { To = ["ana@example.com"], Subject = "Hi", HtmlBody = "<p>Hi</p>" };
}
