namespace IAToolkit.Knowledge.Parsing;

/// <summary>Plain text, one page (<see cref="PlainTextReader"/>).</summary>
internal sealed class TextDocumentReader : BuiltInDocumentReader
{
    public override string Format => "txt";

    public override IReadOnlyList<string> Extensions { get; } = [".txt"];

    internal override IReadOnlyList<ParsedPage> ReadPages(string fileName, Stream content, ParseBudget budget) => [PlainTextReader.Read(fileName, content, budget)];
}
