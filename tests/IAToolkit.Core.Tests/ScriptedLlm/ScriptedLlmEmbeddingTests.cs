using IAToolkit.Testing.ScriptedLlm;
using Microsoft.Extensions.AI;

namespace IAToolkit.Core.Tests.ScriptedLlm;

/// <summary>Embeddings through OpenAI's EmbeddingClient as an M.E.AI generator: deterministic unit vectors of the model's size.</summary>
public sealed class ScriptedLlmEmbeddingTests
{
    private ScriptedLlmServer _llm = null!;

    [SetUp]
    public async Task StartAsync() => _llm = await ScriptedLlmServer.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _llm.DisposeAsync();

    [Test]
    public async Task GenerateAsync_TextEmbedding3Small_Returns1536DimensionUnitVectorsTheSameForTheSameText()
    {
        using var generator = ScriptedLlmClients.Embeddings(_llm);

        var first = await generator.GenerateAsync(["Invoices are due in 30 days.", "Refunds take a week."]);
        var again = await generator.GenerateAsync(["Invoices are due in 30 days."]);

        Assert.That(first.Select(e => e.Vector.Length), Is.EqualTo(new[] { 1536, 1536 }));
        Assert.That(first[0].Vector.ToArray(), Is.EqualTo(ScriptedLlmServer.EmbeddingFor("Invoices are due in 30 days.", 1536)));
        Assert.That(again[0].Vector.ToArray(), Is.EqualTo(first[0].Vector.ToArray()));
        Assert.That(first.Select(e => Length(e.Vector.Span)), Has.All.EqualTo(1.0).Within(1e-4));
        Assert.That(Cosine(first[0].Vector.Span, first[1].Vector.Span), Is.LessThan(0.2));
        // 28 + 20 characters, 12 tokens.
        Assert.That((first.Usage?.InputTokenCount, first.Usage?.TotalTokenCount), Is.EqualTo((12L, 12L)));
        var request = _llm.Requests[0];
        Assert.That((request.Kind, request.Path, request.Model), Is.EqualTo((RecordedRequestKind.Embeddings, "/v1/embeddings", "text-embedding-3-small")));
        Assert.That(request.Inputs, Is.EqualTo(new[] { "Invoices are due in 30 days.", "Refunds take a week." }));
        Assert.That(request.Body.GetProperty("encoding_format").GetString(), Is.EqualTo("base64"), "the .NET client asks for base64, which the server honors");
        Assert.That(_llm.ChatRequests, Is.Empty);
    }

    [Test]
    public async Task GenerateAsync_DimensionsOrAnUnknownModel_SizesTheVectorAccordingly()
    {
        using var small = ScriptedLlmClients.Embeddings(_llm);
        using var local = ScriptedLlmClients.Embeddings(_llm, model: "all-minilm");

        var requested = await small.GenerateAsync(["hola"], new EmbeddingGenerationOptions { Dimensions = 256 });
        var unknown = await local.GenerateAsync(["hola"]);

        Assert.That(requested[0].Vector.Length, Is.EqualTo(256));
        Assert.That(_llm.Requests[0].Dimensions, Is.EqualTo(256));
        Assert.That(unknown[0].Vector.ToArray(), Is.EqualTo(ScriptedLlmServer.EmbeddingFor("hola", 384)));
    }

    private static double Length(ReadOnlySpan<float> vector) => Math.Sqrt(Cosine(vector, vector));

    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
