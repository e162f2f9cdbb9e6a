using System.Text.Json;
using IAToolkit.Testing;

namespace IAToolkit.Cli.Tests;

/// <summary><c>check-config</c> on a company whose <c>mail_provider.tool</c> (the mail tool's policy) is wrong.</summary>
[Category("Security")]
public sealed class MailToolCheckConfigTests
{
    [Test]
    public async Task CheckConfig_BadMailToolPolicy_NamesEveryKeyPath()
    {
        using var root = new TempContentRoot();
        var folder = root.WriteCompany("acme", TempContentRoot.MinimalYaml("acme", "ACME") + """

            mail_provider:
              provider: smtplib
              sender_email: assistant@acme.example
              tool:
                allowed_recipients: all
                allowed_domains: ["*.acme.example", acme.example]
                max_recipients: 1000
                per_user_per_hour: 0
                cc_allowed: true

            """);

        var run = await CliRun.RunAsync(root.Path, string.Empty, new Dictionary<string, string?> { ["DATABASE_URI"] = string.Empty }, "check-config", "--path", folder, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        using var body = JsonDocument.Parse(run.Output);
        var company = body.RootElement.GetProperty("companies")[0];
        var errors = company.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("key_path").GetString()).ToList();
        Assert.That(errors, Is.EquivalentTo(new[]
        {
            "mail_provider.tool.allowed_recipients", "mail_provider.tool.allowed_domains[0]", "mail_provider.tool.max_recipients", "mail_provider.tool.per_user_per_hour",
        }));
        var warnings = company.GetProperty("warnings").EnumerateArray().Select(e => e.GetProperty("key_path").GetString()).ToList();
        Assert.That(warnings, Does.Contain("mail_provider.tool.cc_allowed"));
    }
}
