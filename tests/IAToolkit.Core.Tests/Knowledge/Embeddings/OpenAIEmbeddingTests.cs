using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.Core.Tests.Knowledge.Embeddings;

/// <summary>OpenAI and OpenAI-compatible embeddings through the real client, against the scripted server over HTTP.</summary>
public sealed class OpenAIEmbeddingTests
{
    private ScriptedLlmServer _llm = null!;

    [SetUp]
    public async Task StartAsync() => _llm = await ScriptedLlmServer.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _llm.DisposeAsync();

    [Test]
    public async Task EmbedAsync_OpenAI_ReturnsTheServersVectorsAtUnitLengthWithTheKey()
    {
        using var service = EmbeddingTestCompany.Service();
        var company = EmbeddingTestCompany.Create(EmbeddingTestCompany.OpenAI("text-embedding-3-small", _llm.OpenAIEndpoint));

        var vectors = await service.EmbedAsync(company, ["Invoices are due in 30 days.", "Refunds take a week."], CancellationToken.None);

        Assert.That(vectors[0], Is.EqualTo(ScriptedLlmServer.EmbeddingFor("Invoices are due in 30 days.", 1536)).Within(1e-6));
        Assert.That(vectors[1], Is.EqualTo(ScriptedLlmServer.EmbeddingFor("Refunds take a week.", 1536)).Within(1e-6));
        Assert.That(vectors.Select(Vectors.Length), Has.All.EqualTo(1.0).Within(1e-5));
        var request = _llm.Requests.Single();
        Assert.That((request.Path, request.Model, request.Authorization), Is.EqualTo(("/v1/embeddings", "text-embedding-3-small", $"Bearer {EmbeddingTestCompany.Key}")));
    }

    [Test]
    public async Task EmbedAsync_130TextsInBatchesOf64_MakesThreeCallsAndKeepsTheOrder()
    {
        using var service = EmbeddingTestCompany.Service(new EmbeddingOptions { BatchSize = 64 });
        var company = EmbeddingTestCompany.Create(EmbeddingTestCompany.OpenAI("text-embedding-3-small", _llm.OpenAIEndpoint));
        var texts = Enumerable.Range(0, 130).Select(i => $"Chunk number {i} of the handbook.").ToArray();

        var vectors = await service.EmbedAsync(company, texts, CancellationToken.None);

        Assert.That(_llm.Requests.Select(r => r.Inputs.Count).Order(), Is.EqualTo(new[] { 2, 64, 64 }));
        Assert.That(_llm.Requests.SelectMany(r => r.Inputs).Order(StringComparer.Ordinal), Is.EqualTo(texts.Order(StringComparer.Ordinal)), "every text sent once");
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.That(vectors[i], Is.EqualTo(ScriptedLlmServer.EmbeddingFor(texts[i], 1536)).Within(1e-6), $"text {i} keeps its place");
        }
    }

    [Test]
    public void Describe_KnownOpenAIModels_NeedNoCall()
    {
        using var service = EmbeddingTestCompany.Service();

        var small = service.Describe(EmbeddingTestCompany.Create(EmbeddingTestCompany.OpenAI("text-embedding-3-small", _llm.OpenAIEndpoint)));
        var large = service.Describe(EmbeddingTestCompany.Create(EmbeddingTestCompany.OpenAI("text-embedding-3-large", _llm.OpenAIEndpoint)));
        var ada = service.Describe(EmbeddingTestCompany.Create(EmbeddingTestCompany.OpenAI("text-embedding-ada-002", _llm.OpenAIEndpoint)));

        Assert.That(new[] { small, large, ada }, Is.EqualTo(new[]
        {
            new EmbeddingModel("openai", "text-embedding-3-small", 1536),
            new EmbeddingModel("openai", "text-embedding-3-large", 3072),
            new EmbeddingModel("openai", "text-embedding-ada-002", 1536),
        }));
        Assert.That(_llm.Requests, Is.Empty);
    }

    [Test]
    public async Task Describe_AModelOfUnknownSize_LearnsItFromOneCallOnce()
    {
        using var service = EmbeddingTestCompany.Service();
        var company = EmbeddingTestCompany.Create(EmbeddingTestCompany.OpenAI("nomic-embed-text", _llm.OpenAIEndpoint));

        var first = service.Describe(company);
        var again = service.Describe(company);
        await service.EmbedAsync(company, ["hola"], CancellationToken.None);

        Assert.That((first, again), Is.EqualTo((new EmbeddingModel("openai", "nomic-embed-text", 384), new EmbeddingModel("openai", "nomic-embed-text", 384))));
        Assert.That(_llm.Requests, Has.Count.EqualTo(2), "one probe, then the real call");
    }

    [Test]
    public async Task EmbedAsync_KeyVariableNotSet_FailsNamingTheVariableAndWhereItIsNamed()
    {
        using var service = EmbeddingTestCompany.Service(withKey: false);
        var company = EmbeddingTestCompany.Create(EmbeddingTestCompany.OpenAI("text-embedding-3-small"));

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => service.EmbedAsync(company, ["hola"], CancellationToken.None));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.EmbeddingNotConfigured));
        Assert.That(error.Message, Does.Contain(EmbeddingTestCompany.KeyVariable).And.Contain("companies/acme/config/company.yaml: embedding_provider.api_key_name"));
        Assert.That(_llm.Requests, Is.Empty);
    }

    [Test]
    public async Task EmbedAsync_NoBaseUrlButOpenAIBaseUrlSet_CallsThatServer()
    {
        using var service = EmbeddingTestCompany.Service(openAIBaseUrl: _llm.OpenAIEndpoint.ToString());
        var company = EmbeddingTestCompany.Create(EmbeddingTestCompany.OpenAI("text-embedding-3-small"));

        var vector = await service.EmbedQueryAsync(company, "hola", CancellationToken.None);

        Assert.That(vector, Is.EqualTo(ScriptedLlmServer.EmbeddingFor("hola", 1536)).Within(1e-6));
        Assert.That(_llm.Requests.Single().Path, Is.EqualTo("/v1/embeddings"));
    }

    [Test]
    public async Task EmbedAsync_CompatibleServerWithoutAKey_CallsItAnyway()
    {
        using var service = EmbeddingTestCompany.Service(withKey: false);
        var company = EmbeddingTestCompany.Create(EmbeddingTestCompany.OpenAI("all-minilm", _llm.OpenAIEndpoint));

        var vector = await service.EmbedQueryAsync(company, "hola", CancellationToken.None);

        Assert.That(vector, Is.EqualTo(ScriptedLlmServer.EmbeddingFor("hola", 384)).Within(1e-6));
        Assert.That(_llm.Requests.Single().Authorization, Is.EqualTo("Bearer unused"));
    }

    [Test]
    public async Task EmbedAsync_ServerAnswers404_FailsNamingProviderAndStatusButNeverTheKey()
    {
        using var service = EmbeddingTestCompany.Service();
        // The root without /v1: the server does not serve /embeddings there.
        var company = EmbeddingTestCompany.Create(EmbeddingTestCompany.OpenAI("text-embedding-3-small", _llm.BaseAddress));

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => service.EmbedAsync(company, ["hola"], CancellationToken.None));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.EmbeddingFailed));
        Assert.That(error.Message, Does.Contain("'acme'").And.Contain("openai").And.Contain("HTTP 404"));
        Assert.That(error.Message, Does.Not.Contain(EmbeddingTestCompany.Key));
        Assert.That(_llm.Requests, Has.Count.EqualTo(1), "a 404 is not retried");
    }
}
