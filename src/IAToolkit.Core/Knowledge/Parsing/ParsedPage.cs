using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>The text of one page of a parsed document: what a citation points to.</summary>
/// <param name="Number">
/// The 1-based page: the PDF page, the DOCX page as delimited by its explicit and last-rendered page breaks, or the
/// XLSX sheet's position in the workbook; 1 for text and Markdown files.
/// </param>
/// <param name="Text">The page's text: lines separated by <c>\n</c>, paragraphs by a blank line; empty when the page has none.</param>
public sealed record ParsedPage(int Number, string Text);
