namespace IAToolkit.Assistant.Tools;

/// <summary>What a tool receives with each call: who is asking, for which company, and the request's services.</summary>
public sealed class AssistantToolContext
{
    internal AssistantToolContext(ToolRun run) => Run = run;

    /// <summary>The short name of the company the question is for, e.g. <c>acme</c>.</summary>
    public string CompanyShortName => Run.Company.ShortName;

    /// <summary>The user the question is asked for (an e-mail for signed-in users, the caller's identifier for API calls).</summary>
    public string UserIdentifier => Run.User.UserIdentifier;

    /// <summary>The services of the current request (a scope): resolve what the call needs from here.</summary>
    public IServiceProvider Services => Run.Services;

    internal ToolRun Run { get; }
}
