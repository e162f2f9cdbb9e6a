using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Connectors;

/// <summary>One file of a document source, as its connector lists it.</summary>
/// <param name="Path">The path relative to the source's root, with <c>/</c> separators, e.g. <c>2024/contract_Julia_Bianchi.pdf</c>.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="LastModified">When the file was last written, when the store reports it.</param>
internal sealed record SourceFile(string Path, long Size, DateTimeOffset? LastModified);
