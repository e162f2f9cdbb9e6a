using System.Net;
using Dapper;
using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>Feedback routed to a Google Chat space, as <c>parameters.user_feedback.channel: google_chat</c> says.</summary>
public sealed class GoogleChatFeedbackTests
{
    private TempContentRoot? _root;

    private string Root => _root!.Path;

    [OneTimeSetUp]
    public void CopySampleWithGoogleChatFeedback()
    {
        // A copy of the sample company whose feedback goes to a Google Chat space instead of a mailbox.
        var company = SampleProject.CompanyFolder;
        var yaml = File.ReadAllText(Path.Combine(company, "config", "company.yaml"));
        const string Email = "  user_feedback:\n    channel: email\n    destination: feedback@example.com\n";
        Assert.That(yaml, Does.Contain(Email), "the sample's feedback settings moved; update this test");
        var files = new[] { "config", "context", "prompts", "schema" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(company, folder)))
            .Where(file => Path.GetFileName(file) != "company.yaml")
            .Select(file => (Path.GetRelativePath(company, file), File.ReadAllText(file)))
            .ToArray();
        _root = new TempContentRoot();
        _root.WriteCompany("sample_company", yaml.Replace(Email, "  user_feedback:\n    channel: google_chat\n    destination: spaces/AAAA-feedback\n", StringComparison.Ordinal), files);
    }

    [OneTimeTearDown]
    public void RemoveCopy() => _root?.Dispose();

    [Test]
    public async Task Feedback_GoogleChatChannel_PostsTheBotMessageToTheWebhookAndStoresIt()
    {
        await using var webhook = await StartWebhookAsync(HttpStatusCode.OK);
        await using var host = await AssistantHost.StartAsync(new Dictionary<string, string?> { ["GOOGLE_CHAT_BOT_URL"] = HookUrl(webhook) }, contentRoot: Root);
        var comment = $"Loved the sales report {Guid.NewGuid():N}";

        using var response = await host.PostAsync("/api/sample_company/feedback", new { rating = 4, message = comment, user_identifier = "chat@example.com" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var request = webhook.Requests.Single();
        Assert.That((request.Method, request.Path), Is.EqualTo(("POST", "/v1/spaces/hook")), "the webhook URL is used as given");
        var posted = request.Body;
        Assert.That(posted.GetProperty("type").GetString(), Is.EqualTo("MESSAGE_TRIGGER"));
        Assert.That(posted.GetProperty("space").GetProperty("name").GetString(), Is.EqualTo("spaces/AAAA-feedback"));
        var message = posted.GetProperty("message").GetProperty("text").GetString();
        Assert.That(message, Does.StartWith("Feedback for "));
        Assert.That(message, Does.Contain("from chat@example.com: ★★★★☆\n" + comment));
        Assert.That(await StoredRatingAsync(comment), Is.EqualTo(4));
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(null)]
    public async Task Feedback_GoogleChatDownOrFailing_IsStillStoredAndAccepted(HttpStatusCode? status)
    {
        await using var webhook = await StartWebhookAsync(status ?? HttpStatusCode.OK);
        var url = HookUrl(webhook);
        if (status is null)
        {
            // Nobody listens on the port any more: the connection is refused.
            await webhook.DisposeAsync();
        }

        await using var host = await AssistantHost.StartAsync(new Dictionary<string, string?> { ["GOOGLE_CHAT_BOT_URL"] = url }, contentRoot: Root);
        var comment = $"Kept although the chat is down {Guid.NewGuid():N}";

        using var response = await host.PostAsync("/api/sample_company/feedback", new { rating = 2, message = comment, user_identifier = "chat@example.com" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await StoredRatingAsync(comment), Is.EqualTo(2));
    }

    [Test]
    public async Task Feedback_GoogleChatWithoutWebhookVariable_IsStillStored()
    {
        await using var host = await AssistantHost.StartAsync(contentRoot: Root);
        var comment = $"No webhook configured {Guid.NewGuid():N}";

        using var response = await host.PostAsync("/api/sample_company/feedback", new { rating = 5, message = comment, user_identifier = "chat@example.com" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await StoredRatingAsync(comment), Is.EqualTo(5));
    }

    private static async Task<int?> StoredRatingAsync(string comment)
    {
        await using var connection = await SampleAssistantFixture.Core.OpenAsync();
        return await connection.ExecuteScalarAsync<int?>("SELECT rating FROM iat_feedback WHERE message = @comment", new { comment });
    }

    private static async Task<RecordingJsonServer> StartWebhookAsync(HttpStatusCode status)
    {
        var webhook = await RecordingJsonServer.StartAsync();
        webhook.StatusCode = (int)status;
        return webhook;
    }

    private static string HookUrl(RecordingJsonServer webhook) => webhook.BaseUrl + "/v1/spaces/hook?key=k";
}
