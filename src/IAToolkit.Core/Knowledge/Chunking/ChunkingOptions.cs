using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Chunking;

/// <summary>How documents are cut into chunks for search (section <c>IAToolkit:Knowledge:Chunking</c>).</summary>
internal sealed class ChunkingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:Knowledge:Chunking";

    /// <summary>
    /// The most tokens (o200k_base, as current OpenAI models count them) in one chunk; 400 by default. Smaller chunks
    /// cite more precisely, larger ones keep more context together.
    /// </summary>
    public int MaxTokens { get; set; } = 400;

    /// <summary>
    /// About how many tokens at the end of a chunk are repeated at the start of the next chunk of the same page, so a
    /// sentence cut between two chunks is found in either; 60 by default, less than half of <see cref="MaxTokens"/>.
    /// </summary>
    public int OverlapTokens { get; set; } = 60;
}
