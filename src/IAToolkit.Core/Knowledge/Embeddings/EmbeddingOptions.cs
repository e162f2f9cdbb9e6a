using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Embeddings;

/// <summary>How texts are embedded (section <c>IAToolkit:Knowledge:Embeddings</c>).</summary>
internal sealed class EmbeddingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:Knowledge:Embeddings";

    /// <summary>How many texts go into one model run or one provider call; default 64 (OpenAI accepts up to 2048).</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>How many calls to a company's OpenAI or Azure model may be in flight at once; default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>How often a provider call that failed with 429, 5xx or a timeout is retried (with backoff); default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The time one provider call may take before it is given up on (and retried); default 60 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}
