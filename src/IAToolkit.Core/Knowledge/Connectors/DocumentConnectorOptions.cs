using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Connectors;

/// <summary>Settings of the knowledge-base document connectors (section <c>IAToolkit:Knowledge:Connectors</c>).</summary>
internal sealed class DocumentConnectorOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:Knowledge:Connectors";

    /// <summary>How many keys one S3 list request asks for (<c>MaxKeys</c>, 1 to 1000; default 1000, S3's own maximum).</summary>
    public int S3PageSize { get; set; } = 1000;

    /// <summary>How long one S3 request may take before it is retried or fails (default 100 seconds).</summary>
    public TimeSpan S3Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How many times the S3 client retries a request that failed for a transient reason (default 3).</summary>
    public int S3MaxErrorRetry { get; set; } = 3;
}
