using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using IAToolkit.Mail;
using IAToolkit.Testing;
using MimeKit;

namespace IAToolkit.Core.Tests.Mail;

/// <summary>Mail through a real SMTP server (the local smtp4dev), read back over IMAP.</summary>
public sealed class SmtpMailTests
{
    private static readonly Uri VerifyLink = new("https://acme.example/acme/verify/tok-123?next=/chat&x=1");

    [Test]
    public async Task SendAsync_Smtp4dev_DeliversSubjectRecipientsBodiesAndEveryAttachmentIntact()
    {
        var subject = "IAToolkit SMTP test " + Guid.NewGuid().ToString("N");
        var rendered = MailTemplates.AccountVerification(MailTestCompany.Create(MailTestCompany.Smtp), "en", "Ana", VerifyLink, TimeSpan.FromHours(5));
        var pdf = RandomNumberGenerator.GetBytes(300_000);
        var csv = "name;amount\nAna;12,5\n"u8.ToArray();
        var message = rendered.ToMessage("ana@example.com", "bob@example.org") with
        {
            Subject = subject,
            Attachments = [new MailAttachment("report.pdf", "application/pdf", pdf), new MailAttachment("data.csv", "text/csv", csv)],
        };
        using var host = new MailTestHost(MailTestHost.Smtp4dev());

        await host.Mail.SendAsync(MailTestCompany.Create(MailTestCompany.Smtp), message);

        var received = await Smtp4devMailbox.FindAsync(subject);
        Assert.That(received.From.Mailboxes.Single().ToString(), Is.EqualTo("\"ACME Assistant\" <assistant@acme.example>"));
        Assert.That(received.To.Mailboxes.Select(m => m.Address), Is.EqualTo(new[] { "ana@example.com", "bob@example.org" }));
        Assert.That(received.HtmlBody, Does.Contain("href=\"https://acme.example/acme/verify/tok-123?next=/chat&amp;x=1\""));
        Assert.That(received.TextBody, Does.Contain(VerifyLink.AbsoluteUri));
        var attachments = received.Attachments.OfType<MimePart>().ToDictionary(a => a.FileName ?? string.Empty, Bytes);
        Assert.That(attachments.Keys, Is.EquivalentTo(new[] { "report.pdf", "data.csv" }));
        Assert.That(attachments["report.pdf"], Is.EqualTo(pdf));
        Assert.That(attachments["data.csv"], Is.EqualTo(csv));
        Assert.That(host.Logs.Entries.Single(e => e.EventId == 1301).Message, Does.StartWith("Sent mail for company acme through smtplib to example.com, example.org in ")
            .And.Not.Contain("ana@"));
    }

    [Test]
    public async Task SendAsync_UsernameAndPasswordSet_LogsInAndDelivers()
    {
        var subject = "IAToolkit SMTP login test " + Guid.NewGuid().ToString("N");
        var settings = MailTestHost.Smtp4dev();
        settings["SMTP_USERNAME"] = "assistant";
        settings["SMTP_PASSWORD"] = "s3cret-password";
        using var host = new MailTestHost(settings);

        await host.Mail.SendAsync(MailTestCompany.Create(MailTestCompany.Smtp), Message(subject));

        Assert.That((await Smtp4devMailbox.FindAsync(subject)).Subject, Is.EqualTo(subject));
    }

    [Test]
    public async Task SendAsync_HostVariableUnset_FailsNamingTheVariableTheFileAndTheKey()
    {
        using var host = new MailTestHost(new Dictionary<string, string?> { ["ACME_SMTP_PORT"] = TestServices.SmtpPort });

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => host.Mail.SendAsync(MailTestCompany.Create(MailTestCompany.SmtpOwnNames), Message("x")));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.MailFailed));
        Assert.That(error.Message, Does.StartWith("Mail for company 'acme' was not sent: ACME_SMTP_HOST is not set: ")
            .And.Contain("companies/acme/config/company.yaml: mail_provider.smtplib.host_env names it"));
    }

    [Test]
    public async Task SendAsync_PortVariableNotANumber_FailsNamingTheVariable()
    {
        using var host = new MailTestHost(new Dictionary<string, string?> { ["ACME_SMTP_HOST"] = "127.0.0.1", ["ACME_SMTP_PORT"] = "smtp" });

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => host.Mail.SendAsync(MailTestCompany.Create(MailTestCompany.SmtpOwnNames), Message("x")));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.MailFailed));
        Assert.That(error.Message, Does.Contain("ACME_SMTP_PORT must be a port number from 1 to 65535, not 'smtp'")
            .And.Contain("mail_provider.smtplib.port_env"));
    }

    [Test]
    public async Task SendAsync_NothingListensOnThePort_FailsWithMailFailedAtOnce()
    {
        var settings = MailTestHost.Smtp4dev();
        settings["SMTP_PORT"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var host = new MailTestHost(settings);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => host.Mail.SendAsync(MailTestCompany.Create(MailTestCompany.Smtp), Message("x")));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.MailFailed));
        Assert.That(error.Message, Does.Contain($"through SMTP 127.0.0.1:{settings["SMTP_PORT"]}: cannot connect"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task SendAsync_ServerNeverAnswers_FailsAfterTheConfiguredTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var settings = MailTestHost.Smtp4dev();
        settings["SMTP_PORT"] = ((IPEndPoint)silent.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["IAToolkit:Mail:Timeout"] = "00:00:02";
        using var host = new MailTestHost(settings);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => host.Mail.SendAsync(MailTestCompany.Create(MailTestCompany.Smtp), Message("x")));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.MailFailed));
        Assert.That(error.Message, Does.EndWith("the server did not answer within 2 s."));
        Assert.That(clock.Elapsed, Is.InRange(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10)));
    }

    [TestCase("ACME_SMTP_SSL", "yes", "TLS handshake failed")]
    [TestCase("ACME_SMTP_SSL", "1", "TLS handshake failed")]
    [TestCase("ACME_SMTP_TLS", "TRUE", "STARTTLS")]
    public async Task SendAsync_TlsAskedOfAPlainServer_FailsSayingSo(string variable, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ACME_SMTP_HOST"] = TestServices.SmtpHost,
            ["ACME_SMTP_PORT"] = TestServices.SmtpPort,
            [variable] = value,
            ["IAToolkit:Mail:Timeout"] = "00:00:05",
        };
        using var host = new MailTestHost(settings);

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => host.Mail.SendAsync(MailTestCompany.Create(MailTestCompany.SmtpOwnNames), Message("x")));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.MailFailed));
        Assert.That(error.Message, Does.Contain(expected));
    }

    private static MailMessageSpec Message(string subject) => new()
    {
        To = ["ana@example.com"],
        Subject = subject,
        HtmlBody = "<p>Hello</p>",
    };

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static byte[] Bytes(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }
}
