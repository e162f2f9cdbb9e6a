using IAToolkit.Companies;
using Microsoft.Extensions.AI;

namespace IAToolkit.Assistant.Tools;

/// <summary>
/// What every tool the model can call has: a name, a description, and which companies it is offered to. Derive from
/// <see cref="AssistantTool{TArguments}"/>, which adds the arguments and the call; this base is what
/// <c>AddTool&lt;TTool&gt;()</c> accepts.
/// </summary>
public abstract class AssistantTool : IAssistantToolProvider
{
    // Only AssistantTool<TArguments> derives from it: a tool without typed arguments has no schema to offer.
    private protected AssistantTool()
    {
    }

    /// <summary>The name the model calls the tool by (letters, digits, <c>_</c> and <c>-</c>; unique in the host).</summary>
    public abstract string Name { get; }

    /// <summary>What the tool does and when to use it, as the model reads it.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// Whether the tool is offered to a company's questions; every company by default. Override it to offer a tool
    /// to one company of a host that serves several.
    /// </summary>
    /// <param name="companyShortName">The company's short name, e.g. <c>acme</c>.</param>
    public virtual bool AppliesTo(string companyShortName) => true;

    /// <summary>Whether the tool is offered to this company (the built-in tools decide from its configuration).</summary>
    internal virtual bool AppliesTo(Company company) => AppliesTo(company.ShortName);

    IEnumerable<AIFunction> IAssistantToolProvider.ToolsFor(ToolRun run) => ToolsFor(run);

    internal abstract IEnumerable<AIFunction> ToolsFor(ToolRun run);
}
