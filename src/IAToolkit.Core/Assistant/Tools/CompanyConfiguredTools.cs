using Microsoft.Extensions.AI;

namespace IAToolkit.Assistant.Tools;

/// <summary>The tools a company declares in company.yaml <c>tools</c>: offered to that company's questions only.</summary>
internal sealed class CompanyConfiguredTools : IAssistantToolProvider
{
    public IEnumerable<AIFunction> ToolsFor(ToolRun run)
        => run.Company.Configuration.Tools.Select(t => new ToolFunction(t.FunctionName, t.Description, t.Parameters, new CompanyTool(t.FunctionName), run));
}
