using System.ClientModel;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Testing.ScriptedLlm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAI;
using OpenAI.Embeddings;

namespace IAToolkit.Core.Tests.Knowledge.Embeddings;

/// <summary>How calls to a provider are spread and checked: the concurrency cap, cancellation between batches, the vectors.</summary>
public sealed class RemoteEmbedderTests
{
    private ScriptedLlmServer _llm = null!;

    [SetUp]
    public async Task StartAsync() => _llm = await ScriptedLlmServer.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _llm.DisposeAsync();

    [Test]
    public async Task EmbedAsync_TwoLoadsOfTenBatchesWithMaxConcurrency3_NeverHaveMoreThanThreeCallsInFlight()
    {
        var counter = new InFlightCounter(Client(), TimeSpan.FromMilliseconds(50));
        using var embedder = Embedder(counter, new EmbeddingOptions { BatchSize = 2, MaxConcurrency = 3 });
        var first = Texts("a", 20);
        var second = Texts("b", 20);

        var vectors = await Task.WhenAll(embedder.EmbedAsync(first, CancellationToken.None), embedder.EmbedAsync(second, CancellationToken.None));

        Assert.That(counter.MostAtOnce, Is.EqualTo(3), "the cap is shared by every load of the company's model, and reached");
        Assert.That(_llm.Requests, Has.Count.EqualTo(20));
        Assert.That(vectors[0].Select((v, i) => v.SequenceEqual(ScriptedLlmServer.EmbeddingFor(first[i], 1536))), Has.All.True);
        Assert.That(vectors[1].Select((v, i) => v.SequenceEqual(ScriptedLlmServer.EmbeddingFor(second[i], 1536))), Has.All.True);
    }

    [Test]
    public void EmbedAsync_CanceledAfterTheFirstBatch_SendsNoFurtherBatch()
    {
        using var cancellation = new CancellationTokenSource();
        var counter = new InFlightCounter(Client(), TimeSpan.Zero) { AfterCall = _ => cancellation.Cancel() };
        using var embedder = Embedder(counter, new EmbeddingOptions { BatchSize = 3, MaxConcurrency = 1 });

        Assert.That(async () => await embedder.EmbedAsync(Texts("c", 10), cancellation.Token), Throws.InstanceOf<OperationCanceledException>());

        Assert.That(_llm.Requests.Select(r => r.Inputs), Is.EqualTo(new[] { new[] { "c0", "c1", "c2" } }));
    }

    [Test]
    public async Task EmbedAsync_ProviderReturnsVectorsNotOfUnitLength_ScalesThemToUnitLength()
    {
        using var embedder = Embedder(new FixedEmbeddings(() => [[3f, 4f], [0f, 2f]]), new EmbeddingOptions());

        var vectors = await embedder.EmbedAsync(["x", "y"], CancellationToken.None);

        Assert.That(vectors[0], Is.EqualTo(new[] { 0.6f, 0.8f }).Within(1e-6));
        Assert.That(vectors[1], Is.EqualTo(new[] { 0f, 1f }).Within(1e-6));
    }

    [TestCase(1, "returned 1 vectors for 2 texts")]
    [TestCase(2, "returned a vector that cannot be normalized (zero or not a number)")]
    public async Task EmbedAsync_ProviderReturnsUnusableVectors_FailsWithEmbeddingFailed(int count, string problem)
    {
        using var embedder = Embedder(new FixedEmbeddings(() => [.. Enumerable.Repeat(new float[2], count)]), new EmbeddingOptions());

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => embedder.EmbedAsync(["x", "y"], CancellationToken.None));

        Assert.That((error!.Code, error.Message), Is.EqualTo((ErrorCodes.EmbeddingFailed, $"The embedding provider of 'acme' (openai, model test-model) {problem}.")));
    }

    [Test]
    public async Task EmbedAsync_VectorSizeChangesBetweenCalls_FailsRatherThanMixSizes()
    {
        var size = 4;
        using var embedder = Embedder(new FixedEmbeddings(() => [Enumerable.Repeat(1f, size).ToArray()]), new EmbeddingOptions());
        await embedder.EmbedAsync(["x"], CancellationToken.None);
        size = 8;

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => embedder.EmbedAsync(["x"], CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("returned 8-dimensional vectors where 4 were expected"));
        Assert.That(embedder.Describe().Dimensions, Is.EqualTo(4));
    }

    [Test]
    public async Task EmbedAsync_ProviderTimesOut_FailsNamingTheTimeLimit()
    {
        using var embedder = Embedder(new FixedEmbeddings(() => throw new TimeoutException("slow")), new EmbeddingOptions { Timeout = TimeSpan.FromSeconds(20) });

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => embedder.EmbedAsync(["x"], CancellationToken.None));

        Assert.That((error!.Code, error.Message), Is.EqualTo((ErrorCodes.EmbeddingFailed, "The embedding provider of 'acme' (openai, model test-model) did not answer within 20 s, through every retry.")));
    }

    private static RemoteEmbedder Embedder(IEmbeddingGenerator<string, Embedding<float>> generator, EmbeddingOptions options)
        => new(generator, "acme", "openai", generator is FixedEmbeddings ? "test-model" : "text-embedding-3-small", options, NullLogger.Instance);

    private IEmbeddingGenerator<string, Embedding<float>> Client()
        => new EmbeddingClient("text-embedding-3-small", new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = _llm.OpenAIEndpoint }).AsIEmbeddingGenerator();

    private static string[] Texts(string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => $"{prefix}{i}")];
}
