using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Knowledge.Connectors;

/// <summary>The document connectors' log messages, with fixed event ids (1900–1949). Credentials never appear.</summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(1900, LogLevel.Debug, "Listed {Count} files from {Source} in {ElapsedMs} ms")]
    public static partial void Listed(ILogger logger, string source, int count, long elapsedMs);

    [LoggerMessage(1901, LogLevel.Information, "Wrote {Path} ({Bytes} bytes) to {Source}")]
    public static partial void Wrote(ILogger logger, string source, string path, long bytes);

    [LoggerMessage(1902, LogLevel.Warning, "Skipped {Path} in {Source}: symbolic links are not followed")]
    public static partial void SkippedLink(ILogger logger, string source, string path);

    [LoggerMessage(1903, LogLevel.Warning, "{Source} is not available: {Reason}")]
    public static partial void Unavailable(ILogger logger, string source, string reason);

    [LoggerMessage(1904, LogLevel.Trace, "Listed page {Page} of {Source}: {Keys} keys")]
    public static partial void ListedPage(ILogger logger, string source, int page, int keys);

    [LoggerMessage(1905, LogLevel.Debug, "Created an S3 client for {Endpoint} (region {Region}, {CredentialSource})")]
    public static partial void CreatedS3Client(ILogger logger, string endpoint, string region, string credentialSource);
}
