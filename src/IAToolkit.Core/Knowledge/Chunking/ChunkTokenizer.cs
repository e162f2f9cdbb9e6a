using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.ML.Tokenizers;

namespace IAToolkit.Knowledge.Chunking;

/// <summary>
/// The o200k_base tokenizer, as the assistant's token counter uses it. The library shares the vocabulary between
/// instances, so this one costs only its own small cache.
/// </summary>
internal static class ChunkTokenizer
{
    private static readonly Lazy<Tokenizer> s_tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static Tokenizer Instance => s_tokenizer.Value;
}
