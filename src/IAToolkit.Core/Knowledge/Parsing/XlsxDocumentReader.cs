using Microsoft.Extensions.Logging;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>Excel workbooks, a page per sheet (<see cref="XlsxTextReader"/>).</summary>
internal sealed class XlsxDocumentReader : BuiltInDocumentReader
{
    private readonly ILogger _logger;

    public XlsxDocumentReader(ILogger<DocumentParser> logger) => _logger = logger;

    public override string Format => "xlsx";

    public override IReadOnlyList<string> Extensions { get; } = [".xlsx"];

    internal override IReadOnlyList<ParsedPage> ReadPages(string fileName, Stream content, ParseBudget budget) => new XlsxTextReader(fileName, budget, _logger).Read(content);
}
