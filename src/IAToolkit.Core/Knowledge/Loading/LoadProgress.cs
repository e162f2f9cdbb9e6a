using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Loading;

/// <summary>One file done, for a progress display.</summary>
/// <param name="Source">The source.</param>
/// <param name="Path">The file.</param>
/// <param name="Outcome"><c>new</c>, <c>changed</c>, <c>unchanged</c>, <c>failed</c> or <c>removed</c>.</param>
/// <param name="Chunks">Chunks written for it.</param>
/// <param name="Detail">The reason, when it failed.</param>
internal sealed record LoadProgress(string Source, string Path, string Outcome, int Chunks, string? Detail);
