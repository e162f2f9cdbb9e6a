using Microsoft.Extensions.Logging;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>PDF, through its text layer (<see cref="PdfTextReader"/>).</summary>
internal sealed class PdfDocumentReader : BuiltInDocumentReader
{
    private readonly ILogger _logger;

    public PdfDocumentReader(ILogger<DocumentParser> logger) => _logger = logger;

    public override string Format => "pdf";

    public override IReadOnlyList<string> Extensions { get; } = [".pdf"];

    internal override IReadOnlyList<ParsedPage> ReadPages(string fileName, Stream content, ParseBudget budget) => PdfTextReader.Read(fileName, content, budget, _logger);
}
