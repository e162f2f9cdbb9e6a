using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>A document's text, page by page, as the knowledge base chunks it.</summary>
/// <param name="FileName">The file name the document was parsed as.</param>
/// <param name="Format">The format read: <c>pdf</c>, <c>docx</c>, <c>xlsx</c>, <c>txt</c> or <c>md</c>.</param>
/// <param name="Pages">The pages in order, numbered 1, 2, 3… without gaps (a page without text is kept, empty).</param>
public sealed record ParsedDocument(string FileName, string Format, IReadOnlyList<ParsedPage> Pages);
