using Microsoft.Extensions.AI;

namespace IAToolkit.Assistant.Tools;

/// <summary>
/// The tools offered for one question: every registered tool (built-in ones first, in registration order, then
/// company.yaml's, then those the host added) that applies to the question's company.
/// </summary>
internal sealed class ToolSet
{
    private readonly IAssistantToolProvider[] _providers;

    public ToolSet(IEnumerable<IAssistantToolProvider> providers) => _providers = [.. providers];

    public IList<AITool> For(ToolRun run) => [.. _providers.SelectMany(p => p.ToolsFor(run))];
}
