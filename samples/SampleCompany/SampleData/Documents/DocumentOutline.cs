namespace SampleCompany.SampleData.Documents;

/// <summary>
/// A generated document before it becomes a PDF or a DOCX: a title, a few header lines, numbered sections of
/// paragraphs and a closing block (signatures or contacts). Both renderers lay out the same outline.
/// </summary>
/// <param name="Title">The title, e.g. <c>Employment Contract</c>.</param>
/// <param name="HeaderLines">Lines under the title: parties, document number, dates.</param>
/// <param name="Sections">The numbered sections.</param>
/// <param name="ClosingLines">Lines after the sections, e.g. the signature block.</param>
/// <param name="Footer">The running footer, e.g. <c>Sample Company - Employment contract SC-HR-2018-004</c>.</param>
/// <param name="Author">The document's author metadata.</param>
internal sealed record DocumentOutline(
    string Title,
    IReadOnlyList<string> HeaderLines,
    IReadOnlyList<DocumentSection> Sections,
    IReadOnlyList<string> ClosingLines,
    string Footer,
    string Author);
