namespace IAToolkit.Companies.Configuration;

/// <summary>
/// How hard a reasoning model thinks: <c>llm.reasoning_effort</c>, a prompt's <c>llm_request_options.reasoning_effort</c>
/// or a request's <c>reasoning_effort</c> (IAToolkit 2.x spellings).
/// </summary>
internal enum ReasoningLevel
{
    /// <summary><c>minimal</c>: sent as the lowest level the provider's client knows (low).</summary>
    Minimal,

    /// <summary><c>low</c>.</summary>
    Low,

    /// <summary><c>medium</c>.</summary>
    Medium,

    /// <summary><c>high</c>.</summary>
    High,

    /// <summary><c>xhigh</c>.</summary>
    ExtraHigh,
}
