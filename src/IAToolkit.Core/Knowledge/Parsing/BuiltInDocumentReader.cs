namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// A format the framework reads itself: it charges the budget's finer limits (decoded bytes, cells, package parts) as
/// it goes, so it reads with the internal budget directly.
/// </summary>
internal abstract class BuiltInDocumentReader : DocumentReader
{
    public sealed override IReadOnlyList<ParsedPage> Read(string fileName, Stream content, DocumentReadBudget budget)
        => ReadPages(fileName, content, budget.Inner);
}
