namespace IAToolkit.Knowledge.Parsing;

/// <summary>Markdown, read as the text it is, one page (<see cref="PlainTextReader"/>).</summary>
internal sealed class MarkdownDocumentReader : BuiltInDocumentReader
{
    public override string Format => "md";

    public override IReadOnlyList<string> Extensions { get; } = [".md", ".markdown"];

    internal override IReadOnlyList<ParsedPage> ReadPages(string fileName, Stream content, ParseBudget budget) => [PlainTextReader.Read(fileName, content, budget)];
}
