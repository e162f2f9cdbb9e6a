using Microsoft.Extensions.AI;

namespace IAToolkit.Assistant.Tools;

/// <summary>
/// One registration in the host's list of tools (a built-in tool, the company.yaml tools, a company's own tool):
/// decides which functions, if any, a question of a company is offered.
/// </summary>
internal interface IAssistantToolProvider
{
    IEnumerable<AIFunction> ToolsFor(ToolRun run);
}
