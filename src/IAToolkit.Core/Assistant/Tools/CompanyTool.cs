using System.Text.Json;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Assistant.Tools;

/// <summary>One of the company's own tools (company.yaml <c>tools</c>), run by its <c>HandleRequestAsync</c>.</summary>
internal sealed class CompanyTool : AssistantTool
{
    private readonly ToolDefinition _definition;

    public CompanyTool(ToolRun run, ToolDefinition definition)
        : base(run) => _definition = definition;

    public override string Name => _definition.FunctionName;

    public override string Description => _definition.Description;

    public override JsonElement JsonSchema => _definition.Parameters;

    protected override async Task<object?> ExecuteAsync(JsonElement arguments, CancellationToken cancellationToken)
    {
        var context = CompanyRequestContext.For(Run.Company, Run.Services, Run.User.UserIdentifier);
        return await Run.Company.Implementation.HandleRequestAsync(Name, arguments, context, cancellationToken);
    }
}
