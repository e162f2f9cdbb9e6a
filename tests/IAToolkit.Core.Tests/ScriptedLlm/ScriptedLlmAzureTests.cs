using System.ClientModel;
using Azure.AI.OpenAI;
using IAToolkit.Testing.ScriptedLlm;
using Microsoft.Extensions.AI;

namespace IAToolkit.Core.Tests.ScriptedLlm;

/// <summary>The Azure OpenAI client against the same server: deployment paths, the api-key header, streaming and embeddings.</summary>
public sealed class ScriptedLlmAzureTests
{
    private ScriptedLlmServer _llm = null!;

    [SetUp]
    public async Task StartAsync() => _llm = await ScriptedLlmServer.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _llm.DisposeAsync();

    [Test]
    public async Task GetResponseAsync_AzureDeployment_AnswersOnTheDeploymentPathWithTheApiKey()
    {
        _llm.Enqueue(ScriptedReply.Text("Hello from Azure.", promptTokens: 10, completionTokens: 4));
        var chat = Azure().GetChatClient("acme-gpt4o").AsIChatClient();

        var response = await chat.GetResponseAsync("Hi");

        Assert.That(response.Text, Is.EqualTo("Hello from Azure."));
        Assert.That(response.Usage?.TotalTokenCount, Is.EqualTo(14));
        var request = _llm.Requests.Single();
        Assert.That((request.Path, request.Deployment, request.Model), Is.EqualTo(("/openai/deployments/acme-gpt4o/chat/completions", "acme-gpt4o", "acme-gpt4o")));
        Assert.That(request.Query, Does.StartWith("?api-version="));
        Assert.That(request.ApiKey, Is.EqualTo("azure-key"));
    }

    [Test]
    public async Task GetStreamingResponseAsync_AzureToolCall_SurfacesTheCall()
    {
        _llm.Enqueue(ScriptedReply.ToolCalls(("search_documents", """{"query":"vacation policy"}""")));
        var chat = Azure().GetChatClient("acme-gpt4o").AsIChatClient();
        var search = AIFunctionFactory.Create((string query) => "found", "search_documents");

        List<ChatResponseUpdate> updates = [];
        await foreach (var update in chat.GetStreamingResponseAsync("Vacation policy?", new ChatOptions { Tools = [search] }))
        {
            updates.Add(update);
        }

        var call = updates.ToChatResponse().Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single();
        Assert.That((call.Name, call.Arguments!["query"]!.ToString()), Is.EqualTo(("search_documents", "vacation policy")));
    }

    [Test]
    public async Task GenerateAsync_AzureEmbeddingDeployment_ReturnsTheDeterministicVectors()
    {
        using var generator = Azure().GetEmbeddingClient("text-embedding-3-small").AsIEmbeddingGenerator();

        var embeddings = await generator.GenerateAsync(["hola"]);

        Assert.That(embeddings[0].Vector.ToArray(), Is.EqualTo(ScriptedLlmServer.EmbeddingFor("hola", 1536)));
        Assert.That(_llm.Requests.Single().Path, Is.EqualTo("/openai/deployments/text-embedding-3-small/embeddings"));
    }

    private AzureOpenAIClient Azure() => new(_llm.BaseAddress, new ApiKeyCredential("azure-key"));
}
