using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Loading;

/// <summary>What loading one source did.</summary>
internal sealed record SourceLoadSummary
{
    /// <summary>The source (<c>knowledge_base.document_sources</c> key).</summary>
    public required string Source { get; init; }

    /// <summary>Where it was read from, e.g. <c>s3://bucket/prefix</c>.</summary>
    public required string Location { get; init; }

    /// <summary>Files loaded for the first time.</summary>
    public int New { get; set; }

    /// <summary>Files whose content changed and were loaded again.</summary>
    public int Changed { get; set; }

    /// <summary>Files already loaded with the same content (nothing embedded).</summary>
    public int Unchanged { get; set; }

    /// <summary>Documents whose file is gone; their chunks were deleted.</summary>
    public int Removed { get; set; }

    /// <summary>Files that could not be loaded, with the reason; the load went on without them.</summary>
    public List<FailedFile> Failed { get; } = [];

    /// <summary>Chunks written.</summary>
    public int Chunks { get; set; }

    /// <summary>Pages read.</summary>
    public int Pages { get; set; }

    /// <summary>Time spent in the embedding model.</summary>
    public TimeSpan EmbeddingTime { get; set; }

    /// <summary>Time the whole source took.</summary>
    public TimeSpan Elapsed { get; set; }
}

/// <summary>A file that could not be loaded.</summary>
/// <param name="Path">The file, relative to its source.</param>
/// <param name="Reason">Why.</param>
internal sealed record FailedFile(string Path, string Reason);
