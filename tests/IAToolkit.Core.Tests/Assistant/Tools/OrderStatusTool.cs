using IAToolkit.Assistant.Tools;

namespace IAToolkit.Core.Tests.Assistant.Tools;

/// <summary>A company's own tool, written as a company would: only the public SDK.</summary>
public sealed class OrderStatusTool : AssistantTool<OrderStatusTool.Arguments>
{
    public override string Name => "acme_order_status";

    public override string Description => "Tells the status of one order.";

    public override bool AppliesTo(string companyShortName) => companyShortName == "acme";

    public override Task<object?> InvokeAsync(Arguments arguments, AssistantToolContext context, CancellationToken cancellationToken)
        => Task.FromResult<object?>(new { order = arguments.OrderNumber, status = arguments.Express ? "flying" : "shipped", asked_by = context.UserIdentifier, company = context.CompanyShortName });

    /// <summary>The tool's arguments.</summary>
    public sealed record Arguments(
        [property: System.ComponentModel.Description("The order number, e.g. A-1001.")] string OrderNumber,
        [property: System.ComponentModel.Description("Whether it was sent express.")] bool Express = false);
}
