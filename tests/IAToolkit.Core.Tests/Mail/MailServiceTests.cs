using IAToolkit.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IAToolkit.Core.Tests.Mail;

/// <summary>What the mail service refuses before any connection, and how it is registered.</summary>
public sealed class MailServiceTests
{
    [Test]
    public async Task SendAsync_CompanyWithoutMailProvider_FailsSayingWhatToAdd()
    {
        using var host = new MailTestHost(MailTestHost.Smtp4dev());

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => host.Mail.SendAsync(MailTestCompany.Create(), Message()));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.MailFailed));
        Assert.That(error.Message, Does.StartWith("Mail for company 'acme' was not sent: its config/company.yaml has no mail_provider section"));
        Assert.That(host.Logs.Entries.Single(e => e.EventId == 1303).Message, Does.Contain("acme"));
    }

    [Test]
    public async Task SendAsync_AttachmentsOverTenMegabytes_IsRefusedBeforeAnyVariableIsRead()
    {
        // No SMTP variable is set: the size check must come first, or this would fail on SMTP_HOST.
        using var host = new MailTestHost(new Dictionary<string, string?>());
        var message = Message() with
        {
            Attachments = [new MailAttachment("a.bin", "application/octet-stream", new byte[6_000_000]), new MailAttachment("b.bin", "application/octet-stream", new byte[6_000_000])],
        };

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => host.Mail.SendAsync(MailTestCompany.Create(MailTestCompany.Smtp), message));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.InvalidRequest));
        Assert.That(error.Message, Is.EqualTo("The attachments add up to 11.4 MB; one mail may carry at most 10 MB."));
    }

    [TestCase(new string[0], "The mail has no recipient: give at least one address in To.")]
    [TestCase(new[] { "ana@example.com", "not-an-address" }, "'not-an-address' is not an e-mail address.")]
    [TestCase(new[] { "Ana <ana@example.com>" }, "'Ana <ana@example.com>' is not an e-mail address.")]
    public async Task SendAsync_BadRecipients_IsRefusedNamingTheAddress(string[] to, string expected)
    {
        using var host = new MailTestHost(MailTestHost.Smtp4dev());

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => host.Mail.SendAsync(MailTestCompany.Create(MailTestCompany.Smtp), Message() with { To = to }));

        Assert.That((error!.Code, error.Message), Is.EqualTo((ErrorCodes.InvalidRequest, expected)));
        Assert.That(host.Logs.Entries.Single(e => e.EventId == 1303).Message, Does.Not.Contain("@").And.Not.Contain("not-an-address"), "the log names no address");
    }

    [Test]
    public async Task SendAsync_SubjectWithALineBreak_IsRefused()
    {
        using var host = new MailTestHost(MailTestHost.Smtp4dev());

        var error = await Assert.ThrowsAsync<IAToolkitException>(
            () => host.Mail.SendAsync(MailTestCompany.Create(MailTestCompany.Smtp), Message() with { Subject = "Hi\r\nBcc: eve@example.com" }));

        Assert.That((error!.Code, error.Message), Is.EqualTo((ErrorCodes.InvalidRequest, "The subject must be a single line.")));
    }

    [Test]
    public void AddIAToolkitCore_CalledTwice_RegistersOneMailServiceWithBothTransports()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = Path.GetTempPath() });
        builder.AddIAToolkitCore();
        builder.AddIAToolkitCore();
        using var host = builder.Build();

        Assert.That(host.Services.GetServices<IMailService>().Count(), Is.EqualTo(1));
        Assert.That(host.Services.GetServices<IMailTransport>().Select(t => t.Provider.ToString()), Is.EquivalentTo(new[] { "Smtp", "BrevoMail" }));
        Assert.That(host.Services.GetRequiredService<IOptions<MailOptions>>().Value.BrevoBaseUrl, Is.EqualTo("https://api.brevo.com"));
    }

    [TestCase("IAToolkit:Mail:BrevoBaseUrl", "api.brevo.com", "IAToolkit:Mail:BrevoBaseUrl must be an absolute http(s) URL")]
    [TestCase("IAToolkit:Mail:Timeout", "00:00:00", "IAToolkit:Mail:Timeout must be between 00:00:01 and 00:10:00")]
    public void MailOptions_InvalidSetting_FailsNamingIt(string key, string value, string expected)
    {
        using var host = new MailTestHost(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => _ = host.Services.GetRequiredService<IOptions<MailOptions>>().Value);

        Assert.That(error!.Message, Does.Contain(expected));
    }

    [TestCase("true", true)]
    [TestCase("TRUE", true)]
    [TestCase(" Yes ", true)]
    [TestCase("1", true)]
    [TestCase("false", false)]
    [TestCase("0", false)]
    [TestCase("on", false)]
    [TestCase(null, false)]
    public void IsTrue_VariableValue_OnlyTrueOneAndYesCount(string? value, bool expected)
        => Assert.That(MailVariables.IsTrue(value), Is.EqualTo(expected));

    private static MailMessageSpec Message() => new() { To = ["ana@example.com"], Subject = "Hi", HtmlBody = "<p>Hi</p>" };
}
