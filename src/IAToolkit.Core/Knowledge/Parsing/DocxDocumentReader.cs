namespace IAToolkit.Knowledge.Parsing;

/// <summary>Word documents (<see cref="DocxTextReader"/>).</summary>
internal sealed class DocxDocumentReader : BuiltInDocumentReader
{
    public override string Format => "docx";

    public override IReadOnlyList<string> Extensions { get; } = [".docx"];

    internal override IReadOnlyList<ParsedPage> ReadPages(string fileName, Stream content, ParseBudget budget) => DocxTextReader.Read(fileName, content, budget);
}
