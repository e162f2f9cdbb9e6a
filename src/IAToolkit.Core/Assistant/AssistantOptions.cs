namespace IAToolkit.Assistant;

/// <summary>Limits of the assistant (section <c>IAToolkit:Assistant</c>).</summary>
internal sealed class AssistantOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:Assistant";

    /// <summary>The most model calls one question may make (each tool round is one); default 8.</summary>
    public int MaxToolIterations { get; set; } = 8;

    /// <summary>The total time one question may take, retries and tools included; default 120 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>The time one call to the provider may take before it is retried; default 60 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a call that failed with 429, 5xx or a timeout is retried (with backoff); default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The most tokens of earlier turns sent with a question; older turns are left out; default 6000.</summary>
    public int HistoryTokenBudget { get; set; } = 6000;

    /// <summary>How long the company part of the context (context files, schemas, data sources) is reused before it is read again; default 60 s.</summary>
    public TimeSpan ContextCacheLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a conversation's turns stay cached in Redis; default 1 day.</summary>
    public TimeSpan ConversationCacheLifetime { get; set; } = TimeSpan.FromDays(1);
}
