using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Knowledge.Store;

/// <summary>Knowledge store and search log messages (event ids 1950–1999). Chunk texts and queries are never logged.</summary>
internal static partial class KnowledgeStoreLog
{
    [LoggerMessage(1951, LogLevel.Debug, "Stored {Source}/{Path} for company {ShortName}: document {DocumentId}, {Chunks} chunks in {ElapsedMs} ms")]
    public static partial void Saved(ILogger logger, string source, string path, string shortName, long documentId, int chunks, long elapsedMs);

    [LoggerMessage(1952, LogLevel.Information, "Removed {Count} documents of source {Source} from company {ShortName}")]
    public static partial void Removed(ILogger logger, int count, string source, string shortName);

    [LoggerMessage(1953, LogLevel.Information, "Removed the whole knowledge base of company {ShortName}: {Count} documents")]
    public static partial void Cleared(ILogger logger, string shortName, int count);

    [LoggerMessage(1961, LogLevel.Information, "Building the vector index {IndexName} of company {ShortName} ({Dimensions} dimensions)")]
    public static partial void IndexBuilding(ILogger logger, string indexName, string shortName, int dimensions);

    [LoggerMessage(1962, LogLevel.Information, "Built the vector index {IndexName} in {ElapsedMs} ms")]
    public static partial void IndexBuilt(ILogger logger, string indexName, long elapsedMs);

    [LoggerMessage(1963, LogLevel.Information, "Dropped the vector index {IndexName} of company {ShortName}: no chunk of {OldDimensions} dimensions is left and its embedding model now gives {Dimensions}")]
    public static partial void IndexReplaced(ILogger logger, string indexName, string shortName, int oldDimensions, int dimensions);

    [LoggerMessage(1964, LogLevel.Warning, "Dropped the invalid vector index {IndexName} of company {ShortName} (left by a build that failed or was canceled); building it again")]
    public static partial void IndexInvalid(ILogger logger, string indexName, string shortName);

    [LoggerMessage(1965, LogLevel.Information, "The vector index {IndexName} is being built by another session; searches scan exactly until it is ready")]
    public static partial void IndexBuildingElsewhere(ILogger logger, string indexName);

    [LoggerMessage(1971, LogLevel.Debug, "Searched the knowledge base of company {ShortName} ({Dimensions} dimensions, {Mode}): {Hits} hits in {ElapsedMs} ms")]
    public static partial void Searched(ILogger logger, string shortName, int dimensions, string mode, int hits, long elapsedMs);
}
