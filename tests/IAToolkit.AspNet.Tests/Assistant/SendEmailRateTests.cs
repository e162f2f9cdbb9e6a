using System.Text.Json;
using IAToolkit.Testing;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>
/// The send rates of <c>iat_send_email</c> (<c>mail_provider.tool.per_user_per_hour</c> and
/// <c>per_company_per_hour</c>), counted in Redis so they hold across hosts.
/// </summary>
[Category("Security")]
public sealed class SendEmailRateTests
{
    private TempContentRoot? _root;

    [OneTimeSetUp]
    public void CopySampleWithLowCompanyRate()
        => _root = CopySample(("    per_company_per_hour: 100 ", "    per_company_per_hour: 3   ")); // each user still 10

    [OneTimeTearDown]
    public void RemoveCopy() => _root?.Dispose();

    [Test]
    public async Task SendEmail_BurstOf15AcrossTwoHosts_OnlyTheUsersTenAreDelivered()
    {
        // Two hosts sharing one Redis (same key prefix), as behind a load balancer.
        var shared = Smtp(prefix: $"iat-test-{Guid.NewGuid():N}:");
        await using var first = await AssistantHost.StartAsync(shared);
        await using var second = await AssistantHost.StartAsync(shared);
        var marker = Guid.NewGuid().ToString("N");
        var user = $"burst-{marker}@example.com";
        var subject = $"Burst {marker}";
        ScriptMailer(first, 8, subject);
        ScriptMailer(second, 7, subject);

        var answers = await Task.WhenAll(
            Enumerable.Range(0, 15).Select(i => (i < 8 ? first : second).AskAsync(new { question = $"Mail report {i} to {user}", user_identifier = user })));

        var calls = answers.Select(a => a.GetProperty("stats").GetProperty("tool_calls")[0]).ToList();
        Assert.That(calls.Count(c => c.GetProperty("outcome").GetString() == "ok"), Is.EqualTo(10));
        var refused = answers.Where((_, i) => calls[i].GetProperty("outcome").GetString() == "error").Select(a => a.GetProperty("answer").GetString()!).ToList();
        Assert.That(refused, Has.Count.EqualTo(5));
        Assert.That(refused, Has.All.Contain("at most 10 mails an hour for this user").And.All.Contain("\"code\":\"rate_limited\"").And.All.Match("retry_after_seconds\":3[0-9]{3}[,}]"), "about an hour: the first of the ten leaves the window then");
        Assert.That(await DeliveredAsync(subject, 10), Is.EqualTo(10));
    }

    [Test]
    public async Task SendEmail_CompanyRate_CountsEveryUserTogether()
    {
        await using var host = await AssistantHost.StartAsync(Smtp(), contentRoot: _root!.Path);
        var marker = Guid.NewGuid().ToString("N");
        var ana = $"ana-{marker}@example.com";
        var bob = $"bob-{marker}@example.com";
        var subject = $"Company rate {marker}";
        ScriptMailer(host, 5, subject);

        var results = new List<string>();
        foreach (var user in new[] { ana, ana, bob, bob, ana })
        {
            var answer = await host.AskAsync(new { question = $"Mail the report to {user}", user_identifier = user });
            results.Add(answer.GetProperty("stats").GetProperty("tool_calls")[0].GetProperty("outcome").GetString()!);
        }

        Assert.That(results, Is.EqualTo(new[] { "ok", "ok", "ok", "error", "error" }), "3 an hour for the company, whoever asks");
        Assert.That(host.Llm.ChatRequests[^1].Messages[^1].Content, Does.Contain("at most 3 mails an hour for this company"));
        Assert.That(await DeliveredAsync(subject, 3), Is.EqualTo(3));
    }

    // A copy of the sample company with pieces of its company.yaml replaced.
    private static TempContentRoot CopySample(params (string From, string To)[] replacements)
    {
        var company = SampleProject.CompanyFolder;
        var yaml = File.ReadAllText(Path.Combine(company, "config", "company.yaml"));
        foreach (var (from, to) in replacements)
        {
            Assert.That(yaml, Does.Contain(from), "the sample's mail tool settings moved; update this test");
            yaml = yaml.Replace(from, to, StringComparison.Ordinal);
        }

        var files = new[] { "config", "context", "prompts", "schema" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(company, folder)))
            .Where(file => Path.GetFileName(file) != "company.yaml")
            .Select(file => (Path.GetRelativePath(company, file), File.ReadAllText(file)))
            .ToArray();
        var root = new TempContentRoot();
        root.WriteCompany("sample_company", yaml, files);
        return root;
    }

    // Each question ends with the address to mail; the model mails it, then echoes what the tool said.
    private static void ScriptMailer(AssistantHost host, int questions, string subject)
    {
        for (var i = 0; i < questions * 2; i++)
        {
            host.Llm.Enqueue(ScriptedReply.Dynamic(request =>
            {
                var last = request.Messages[^1];
                if (last.Role == "tool")
                {
                    return ScriptedReply.Text("Tool said: " + last.Content);
                }

                var to = last.Content!.Split(' ')[^1];
                return ScriptedReply.ToolCalls(("iat_send_email", JsonSerializer.Serialize(new { to = new[] { to }, subject, body = "The report." })));
            }));
        }
    }

    private static async Task<int> DeliveredAsync(string subject, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await Smtp4devMailbox.WithSubjectContainingAsync(subject)).Count < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        await Task.Delay(500);
        return (await Smtp4devMailbox.WithSubjectContainingAsync(subject)).Count;
    }

    private static Dictionary<string, string?> Smtp(string? prefix = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SMTP_HOST"] = TestServices.SmtpHost,
            ["SMTP_PORT"] = TestServices.SmtpPort,

            // The burst comes from one API key: the caller's own query limits must not be what stops it.
            ["IAToolkit:Limits:ConcurrentQueries"] = "100",
            ["IAToolkit:Limits:QueriesPerMinute"] = "1000",
        };
        if (prefix is not null)
        {
            settings["IAToolkit:Redis:KeyPrefix"] = prefix;
        }

        return settings;
    }
}
