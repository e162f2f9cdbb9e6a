using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI;
using OpenAI.Embeddings;

namespace IAToolkit.Knowledge.Embeddings;

/// <summary>
/// A company's OpenAI, Azure OpenAI or OpenAI-compatible embedding model through <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/>:
/// many texts per call, at most <see cref="EmbeddingOptions.MaxConcurrency"/> calls of this company and model in flight
/// (however many loads run), vectors checked and scaled to unit length. The SDK pipeline retries 429, 5xx and timeouts.
/// </summary>
internal sealed class RemoteEmbedder : IEmbedder, IDisposable
{
    private const string ProbeText = "dimension probe";

    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly string _company;
    private readonly string _provider;
    private readonly string _model;
    private readonly EmbeddingOptions _options;
    private readonly SemaphoreSlim _gate;
    private readonly ILogger _logger;
    private int _dimensions;

    public RemoteEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, string company, string provider, string model, EmbeddingOptions options, ILogger logger)
    {
        _generator = generator;
        _company = company;
        _provider = provider;
        _model = model;
        _options = options;
        _gate = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        _logger = logger;
        _dimensions = KnownDimensions(model) ?? 0;
    }

    /// <summary>
    /// The embedder of a company's <c>openai</c> or <c>azure</c> model, with the SDK's retry policy (429, 5xx and timeouts,
    /// with backoff) and a time limit per call; <paramref name="endpoint"/> null means api.openai.com.
    /// </summary>
    public static RemoteEmbedder Create(string company, EmbeddingSettings settings, Uri? endpoint, string key, EmbeddingOptions options, ILogger logger)
    {
        var credential = new ApiKeyCredential(key);
        var retry = new ClientRetryPolicy(options.MaxRetries);
        IEmbeddingGenerator<string, Embedding<float>> generator;
        string provider;
        if (settings.Provider == EmbeddingProvider.Azure)
        {
            var azureOptions = new AzureOpenAIClientOptions { RetryPolicy = retry, NetworkTimeout = options.Timeout };
            generator = new AzureOpenAIClient(endpoint!, credential, azureOptions).GetEmbeddingClient(settings.Model).AsIEmbeddingGenerator();
            provider = "azure";
        }
        else
        {
            var openAIOptions = new OpenAIClientOptions { RetryPolicy = retry, NetworkTimeout = options.Timeout };
            if (endpoint is not null)
            {
                openAIOptions.Endpoint = endpoint;
            }

            generator = new EmbeddingClient(settings.Model, credential, openAIOptions).AsIEmbeddingGenerator();
            provider = "openai";
        }

        EmbeddingLog.ClientCreated(logger, provider, company, settings.Model, endpoint?.ToString() ?? "api.openai.com");
        return new RemoteEmbedder(generator, company, provider, settings.Model, options, logger);
    }

    /// <summary>The vector size of OpenAI's embedding models, so that describing them needs no call.</summary>
    public static int? KnownDimensions(string model) => model.ToLowerInvariant() switch
    {
        "text-embedding-3-small" => 1536,
        "text-embedding-3-large" => 3072,
        "text-embedding-ada-002" => 1536,
        _ => null,
    };

    /// <summary>The model; one embedded probe text, once, learns the size of a model not in the table.</summary>
    public EmbeddingModel Describe()
    {
        if (Volatile.Read(ref _dimensions) == 0)
        {
            // Blocking, but only the first time for this company and model; Task.Run keeps any caller's context out of it.
            Task.Run(() => EmbedAsync([ProbeText], CancellationToken.None)).GetAwaiter().GetResult();
        }

        return new EmbeddingModel(_provider, _model, Volatile.Read(ref _dimensions));
    }

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        => EmbeddingBatches.RunAsync(texts, _options.BatchSize, _gate, _options.MaxConcurrency, EmbedBatchAsync, cancellationToken);

    public void Dispose()
    {
        _generator.Dispose();
        _gate.Dispose();
    }

    private async Task<float[][]> EmbedBatchAsync(string[] batch, CancellationToken cancellationToken)
    {
        GeneratedEmbeddings<Embedding<float>> generated;
        try
        {
            generated = await _generator.GenerateAsync(batch, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not IAToolkitException && !cancellationToken.IsCancellationRequested)
        {
            var failure = EmbeddingFailures.Translate(e, _company, _provider, _model, _options.Timeout);
            EmbeddingLog.CallFailed(_logger, e, _company, _provider, _model, failure.Message);
            throw failure;
        }

        if (generated.Count != batch.Length)
        {
            throw EmbeddingFailures.Malformed(_company, _provider, _model, $"returned {generated.Count} vectors for {batch.Length} texts");
        }

        var vectors = new float[batch.Length][];
        for (var i = 0; i < vectors.Length; i++)
        {
            var vector = generated[i].Vector.ToArray();
            CheckDimensions(vector.Length);
            if (!UnitVectors.TryNormalize(vector))
            {
                throw EmbeddingFailures.Malformed(_company, _provider, _model, "returned a vector that cannot be normalized (zero or not a number)");
            }

            vectors[i] = vector;
        }

        return vectors;
    }

    private void CheckDimensions(int length)
    {
        var expected = Interlocked.CompareExchange(ref _dimensions, length, 0);
        if (expected == 0)
        {
            EmbeddingLog.DimensionsLearned(_logger, _model, _company, _provider, length);
        }
        else if (expected != length)
        {
            throw EmbeddingFailures.Malformed(_company, _provider, _model, $"returned {length}-dimensional vectors where {expected} were expected");
        }
    }
}
