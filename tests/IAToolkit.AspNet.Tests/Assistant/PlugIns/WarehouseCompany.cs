using System.Text;
using IAToolkit.Assistant.Tools;
using IAToolkit.Knowledge.Parsing;

namespace IAToolkit.AspNet.Tests.Assistant.PlugIns;

/// <summary>A company whose host adds its own tool and its own document format, with the public SDK only.</summary>
public sealed class WarehouseCompany : CompanyBase;

/// <summary>The company's tool: where a shipment is, from the company's own systems (here, a rule).</summary>
public sealed class ShipmentStatusTool : AssistantTool<ShipmentStatusTool.Arguments>
{
    public override string Name => "warehouse_shipment_status";

    public override string Description => "Tells where one shipment is.";

    public override Task<object?> InvokeAsync(Arguments arguments, AssistantToolContext context, CancellationToken cancellationToken)
        => Task.FromResult<object?>(new { shipment = arguments.ShipmentId, status = $"{arguments.ShipmentId} is in transit to Valparaiso", asked_by = context.UserIdentifier });

    /// <summary>The tool's arguments.</summary>
    public sealed record Arguments([property: System.ComponentModel.Description("The shipment's id, e.g. S-77.")] string ShipmentId);
}

/// <summary>
/// The company's format: a <c>.memo</c> is UTF-8 text with pages separated by form feeds. A memo that starts with
/// <c>GREEDY</c> makes the reader charge without end, as a buggy reader of a huge file would.
/// </summary>
public sealed class MemoDocumentReader : DocumentReader
{
    public override string Format => "memo";

    public override IReadOnlyList<string> Extensions { get; } = [".memo"];

    public override IReadOnlyList<ParsedPage> Read(string fileName, Stream content, DocumentReadBudget budget)
    {
        using var reader = new StreamReader(content, Encoding.UTF8);
        var text = reader.ReadToEnd();
        if (text.StartsWith("GREEDY", StringComparison.Ordinal))
        {
            while (true)
            {
                budget.ChargeCharacters(100_000);
            }
        }

        var pages = new List<ParsedPage>();
        foreach (var page in text.Split('\f'))
        {
            budget.ChargePage();
            budget.ChargeCharacters(page.Length);
            pages.Add(new ParsedPage(pages.Count + 1, page.Trim()));
        }

        return pages;
    }
}
