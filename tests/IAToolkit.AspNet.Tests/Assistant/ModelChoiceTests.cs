using System.Net;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>
/// The <c>model</c> field picks among the company's models (<c>llm.model</c> and <c>llm.available_models</c>, in the
/// sample gpt-4o-mini and gpt-4.1); any other string is a 400 naming them, and never reaches the provider.
/// </summary>
[Category("Security")]
public sealed class ModelChoiceTests
{
    private static readonly string[] Refused =
    [
        "gpt-5-super-expensive",
        "gpt-4o-mini\r\nX-Injected: 1",
        "gpt-4o -mini",
        "gpt‐4.1",
        "../../v1/models",
        new string('m', 10_000),
    ];

    [TestCaseSource(nameof(Refused))]
    public async Task LlmQuery_ModelNotTheCompanys_Returns400NamingTheAllowedModels(string model)
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.Text("Should not be asked."));

        using var json = await host.PostAsync("/api/sample_company/llm_query", new { question = "Hi", user_identifier = "m@example.com", model });
        using var stream = await host.PostAsync("/api/sample_company/llm_query", new { question = "Hi", user_identifier = "m@example.com", model }, "text/event-stream");
        using var init = await host.PostAsync("/api/sample_company/init-context", new { user_identifier = "m@example.com", model });

        foreach (var response in new[] { json, stream, init })
        {
            var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
            Assert.That(detail, Does.Contain("gpt-4o-mini, gpt-4.1"));
            Assert.That(detail, Does.Not.Contain("\n").And.Not.Contain("mmmmmmmmmm"), "the client's string is not echoed");
        }

        Assert.That(host.Llm.ChatRequests, Is.Empty, "the provider was never called");
    }

    [TestCase("gpt-4.1", "gpt-4.1")]
    [TestCase("  gpt-4.1\t", "gpt-4.1")]
    [TestCase("GPT-4.1", "gpt-4.1")]
    [TestCase("gpt-4.1\r\n", "gpt-4.1")]
    [TestCase("Gpt-4o-Mini", "gpt-4o-mini")]
    [TestCase("", "gpt-4o-mini")]
    [TestCase("   ", "gpt-4o-mini")]
    public async Task LlmQuery_CompanyModelInAnySpelling_SendsTheConfiguredName(string model, string sent)
    {
        await using var host = await AssistantHost.StartAsync();
        host.Llm.Enqueue(ScriptedReply.Text("Fine."));

        var started = await host.AskJsonAsync("/api/sample_company/init-context", new { user_identifier = "ok-model@example.com", model });
        var answer = await host.AskAsync(new { question = "Hi", user_identifier = "ok-model@example.com", model });

        Assert.That(started.GetProperty("model").GetString(), Is.EqualTo(sent));
        Assert.That(host.Llm.ChatRequests[0].Model, Is.EqualTo(sent));
        Assert.That(answer.GetProperty("stats").GetProperty("model").GetString(), Is.EqualTo(sent));
    }

    [TestCase("/api/sample_company/models")]
    [TestCase("/sample_company/api/models")]
    public async Task Models_SampleCompany_ListsTheConfiguredModelFirstAndTheAvailableOnes(string path)
    {
        await using var host = await AssistantHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.GetProperty("default_model").GetString(), Is.EqualTo("gpt-4o-mini"));
        var models = body.GetProperty("models").EnumerateArray().ToList();
        Assert.That(models.Select(m => m.GetProperty("id").GetString()), Is.EqualTo(new[] { "gpt-4o-mini", "gpt-4.1" }));
        Assert.That(models.Select(m => m.GetProperty("label").GetString()), Is.EqualTo(new[] { "gpt-4o-mini", "gpt-4.1" }));
        Assert.That(models.Select(m => m.GetProperty("provider").GetString()), Has.All.EqualTo("openai"));
    }

    [Test]
    public async Task Models_UnknownKey_Returns401()
    {
        await using var host = await AssistantHost.StartAsync();
        using var client = host.CreateClient("not-a-key-of-this-company");

        using var response = await client.GetAsync(new Uri("/api/sample_company/models", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
