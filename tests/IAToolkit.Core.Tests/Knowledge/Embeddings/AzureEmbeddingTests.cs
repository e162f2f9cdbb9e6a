using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.Core.Tests.Knowledge.Embeddings;

/// <summary>Azure OpenAI embeddings through the real Azure client, against the scripted server's deployment paths.</summary>
public sealed class AzureEmbeddingTests
{
    private ScriptedLlmServer _llm = null!;

    [SetUp]
    public async Task StartAsync() => _llm = await ScriptedLlmServer.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _llm.DisposeAsync();

    [Test]
    public async Task EmbedAsync_AzureDeployment_CallsTheDeploymentWithTheApiKeyInBatches()
    {
        using var service = EmbeddingTestCompany.Service(new EmbeddingOptions { BatchSize = 2 });
        var company = EmbeddingTestCompany.Create(EmbeddingTestCompany.Azure("text-embedding-3-small", _llm.BaseAddress));
        string[] texts = ["uno", "dos", "tres"];

        var vectors = await service.EmbedAsync(company, texts, CancellationToken.None);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.That(vectors[i], Is.EqualTo(ScriptedLlmServer.EmbeddingFor(texts[i], 1536)).Within(1e-6));
        }

        Assert.That(_llm.Requests.Select(r => r.Path).Distinct(), Is.EqualTo(new[] { "/openai/deployments/text-embedding-3-small/embeddings" }));
        Assert.That(_llm.Requests.Select(r => r.ApiKey).Distinct(), Is.EqualTo(new[] { EmbeddingTestCompany.Key }));
        Assert.That(_llm.Requests.Select(r => r.Inputs.Count).Order(), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void Describe_AzureDeploymentNamedAfterAKnownModel_NeedsNoCall()
    {
        using var service = EmbeddingTestCompany.Service();

        var model = service.Describe(EmbeddingTestCompany.Create(EmbeddingTestCompany.Azure("text-embedding-3-large", _llm.BaseAddress)));

        Assert.That(model, Is.EqualTo(new EmbeddingModel("azure", "text-embedding-3-large", 3072)));
        Assert.That(_llm.Requests, Is.Empty);
    }

    [Test]
    public async Task EmbedAsync_AzureKeyVariableNotSet_FailsEvenWithAnEndpoint()
    {
        using var service = EmbeddingTestCompany.Service(withKey: false);
        var company = EmbeddingTestCompany.Create(EmbeddingTestCompany.Azure("text-embedding-3-small", _llm.BaseAddress));

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => service.EmbedAsync(company, ["hola"], CancellationToken.None));

        Assert.That((error!.Code, error.Message.Contains(EmbeddingTestCompany.KeyVariable, StringComparison.Ordinal)), Is.EqualTo((ErrorCodes.EmbeddingNotConfigured, true)));
        Assert.That(_llm.Requests, Is.Empty);
    }
}
