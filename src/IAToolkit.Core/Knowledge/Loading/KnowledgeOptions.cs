using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Loading;

/// <summary>Limits of the knowledge base (section <c>IAToolkit:Knowledge</c>).</summary>
internal sealed class KnowledgeOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:Knowledge";

    /// <summary>The largest document the loader and the upload API accept; default 100 MB.</summary>
    public long MaxDocumentBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>The largest file the file store accepts for one question; default 10 MB.</summary>
    public long MaxFileStoreBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>How long a file-store token can be used; default 1 hour.</summary>
    public TimeSpan FileStoreLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The most characters of a stored file put into one question; default 60 000 (about 15k tokens).</summary>
    public int MaxFileStoreCharacters { get; set; } = 60_000;
}
