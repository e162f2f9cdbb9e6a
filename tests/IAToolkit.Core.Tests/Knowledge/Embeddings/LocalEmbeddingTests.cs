using System.Diagnostics;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Core.Tests.Knowledge.Embeddings;

/// <summary>The in-process MiniLM, for real: what a company without an embedding key gets.</summary>
public sealed class LocalEmbeddingTests
{
    private static readonly string[] Ten =
    [
        "Invoices are due within 30 days of delivery.",
        "The warehouse in Valparaíso closes at six.",
        "Refunds are paid to the original card.",
        "Our sales grew 12% in the third quarter.",
        "Employees get 15 days of paid vacation.",
        "The supplier ships olive oil from Jaén.",
        "Passwords must be changed every 90 days.",
        "The board meets on the first Monday of the month.",
        "Returns need the original receipt.",
        "Coffee beans are roasted on Tuesdays.",
    ];

    [Test]
    public void Describe_NoEmbeddingProvider_IsTheLocalMiniLmWith384Dimensions()
    {
        using var service = EmbeddingTestCompany.Service();

        var model = service.Describe(EmbeddingTestCompany.Create());

        Assert.That(model, Is.EqualTo(new EmbeddingModel("local", "all-MiniLM-L6-v2", 384)));
    }

    [Test]
    public async Task EmbedAsync_NoEmbeddingProvider_GivesUnitVectorsThatRankMeaningNotWords()
    {
        using var service = EmbeddingTestCompany.Service();
        var company = EmbeddingTestCompany.Create();

        var vectors = await service.EmbedAsync(company, ["The central bank raised interest rates.", "The cat sat on the mat."], CancellationToken.None);
        var query = await service.EmbedQueryAsync(company, "interest rate decision by the bank", CancellationToken.None);

        Assert.That(vectors.Select(v => v.Length), Is.EqualTo(new[] { 384, 384 }));
        Assert.That(vectors.Append(query).Select(Vectors.Length), Has.All.EqualTo(1.0).Within(1e-5));
        Assert.That(Vectors.Dot(query, vectors[0]), Is.GreaterThan(Vectors.Dot(query, vectors[1]) + 0.3), "the bank sentence is much nearer than the cat");
    }

    [Test]
    public async Task EmbedAsync_TenTextsInBatchesOfThree_KeepsTheOrderOfTheInput()
    {
        using var batched = EmbeddingTestCompany.Service(new EmbeddingOptions { BatchSize = 3 });
        var company = EmbeddingTestCompany.Create();

        var vectors = await batched.EmbedAsync(company, Ten, CancellationToken.None);

        Assert.That(vectors, Has.Length.EqualTo(10));
        for (var i = 0; i < Ten.Length; i++)
        {
            var alone = await batched.EmbedQueryAsync(company, Ten[i], CancellationToken.None);
            Assert.That(Vectors.Dot(vectors[i], alone), Is.EqualTo(1.0).Within(1e-4), $"text {i} keeps its place");
        }
    }

    [Test]
    public async Task EmbedAsync_HuggingFaceWithTheMiniLmModel_RunsInProcessWithoutAKey()
    {
        using var service = EmbeddingTestCompany.Service(withKey: false);
        var company = EmbeddingTestCompany.Create(EmbeddingTestCompany.Local("huggingface", "sentence-transformers/all-MiniLM-L6-v2"));

        var vector = await service.EmbedQueryAsync(company, "Refunds are paid to the original card.", CancellationToken.None);
        var local = await service.EmbedQueryAsync(EmbeddingTestCompany.Create(), "Refunds are paid to the original card.", CancellationToken.None);

        Assert.That(service.Describe(company), Is.EqualTo(new EmbeddingModel("local", "all-MiniLM-L6-v2", 384)));
        Assert.That(vector, Is.EqualTo(local).Within(1e-6));
    }

    [Test]
    public async Task EmbedAsync_HuggingFaceWithAnotherModel_FailsNamingTheOnlyModelThatRunsInProcess()
    {
        using var service = EmbeddingTestCompany.Service();
        var company = EmbeddingTestCompany.Create(EmbeddingTestCompany.Local("huggingface", "BAAI/bge-small-en-v1.5"));

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => service.EmbedAsync(company, ["hola"], CancellationToken.None));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.EmbeddingNotConfigured));
        Assert.That(error.Message, Does.Contain("BAAI/bge-small-en-v1.5").And.Contain("only all-MiniLM-L6-v2 runs in process").And.Contain("openai or azure"));
        Assert.That(() => service.Describe(company), Throws.InstanceOf<IAToolkitException>().With.Property(nameof(IAToolkitException.Code)).EqualTo(ErrorCodes.EmbeddingNotConfigured));
    }

    [Test]
    public async Task EmbedAsync_CanceledWhileBatchesRemain_StopsSoonAndTheModelStillWorks()
    {
        using var service = EmbeddingTestCompany.Service(new EmbeddingOptions { BatchSize = 3 });
        var company = EmbeddingTestCompany.Create();
        await service.EmbedQueryAsync(company, "load the model first", CancellationToken.None);
        var many = Enumerable.Range(0, 600).Select(i => $"Paragraph {i}: {Ten[i % Ten.Length]}").ToArray();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));

        var watch = Stopwatch.StartNew();
        Assert.That(async () => await service.EmbedAsync(company, many, cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
        watch.Stop();

        // 200 batches would take several seconds; a canceled run ends after the batches already running.
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
        var after = await service.EmbedQueryAsync(company, Ten[0], CancellationToken.None);
        Assert.That(Vectors.Length(after), Is.EqualTo(1.0).Within(1e-5));
    }

    [Test]
    public void EmbedAsync_AlreadyCanceled_ThrowsWithoutEmbedding()
    {
        using var service = EmbeddingTestCompany.Service();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.That(async () => await service.EmbedAsync(EmbeddingTestCompany.Create(), Ten, cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task EmbedAsync_AnEmptyText_IsAnInvalidRequestNamingItsPlace()
    {
        using var service = EmbeddingTestCompany.Service();

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => service.EmbedAsync(EmbeddingTestCompany.Create(), ["one", string.Empty], CancellationToken.None));

        Assert.That((error!.Code, error.Message), Is.EqualTo((ErrorCodes.InvalidRequest, "Text 1 of 2 to embed is empty.")));
    }
}
