using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Knowledge.Embeddings;

/// <summary>The embedding log messages, with fixed event ids (1850–1899). Texts and keys are never logged.</summary>
internal static partial class EmbeddingLog
{
    [LoggerMessage(1850, LogLevel.Information, "Loaded the local embedding model {Model} in {ElapsedMs} ms; it runs up to {Threads} batch(es) at once")]
    public static partial void LocalModelLoaded(ILogger logger, string model, long elapsedMs, int threads);

    [LoggerMessage(1851, LogLevel.Debug, "Embedded {Count} text(s) for {Company} with {Provider} {Model} in {ElapsedMs} ms")]
    public static partial void Embedded(ILogger logger, int count, string company, string provider, string model, long elapsedMs);

    [LoggerMessage(1852, LogLevel.Information, "The embedding model {Model} of {Company} ({Provider}) returns {Dimensions}-dimensional vectors")]
    public static partial void DimensionsLearned(ILogger logger, string model, string company, string provider, int dimensions);

    [LoggerMessage(1853, LogLevel.Warning, "An embeddings call of {Company} to {Provider} {Model} failed: {Reason}")]
    public static partial void CallFailed(ILogger logger, Exception exception, string company, string provider, string model, string reason);

    [LoggerMessage(1854, LogLevel.Debug, "Created the {Provider} embeddings client of {Company} for {Model} at {Endpoint}")]
    public static partial void ClientCreated(ILogger logger, string provider, string company, string model, string endpoint);
}
