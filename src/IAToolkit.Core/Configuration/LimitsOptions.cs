namespace IAToolkit.Configuration;

/// <summary>
/// Per-caller limits on the costly APIs (section <c>IAToolkit:Limits</c>). A caller is an API key, or a signed-in user,
/// of one company; never an address or a <c>user_identifier</c> an API client chose. The counters live in Redis, so
/// every host of a deployment enforces the same limit.
/// </summary>
internal sealed class LimitsOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:Limits";

    /// <summary><c>llm_query</c> calls (JSON and streamed) per caller per minute; default 30.</summary>
    public int QueriesPerMinute { get; set; } = 30;

    /// <summary><c>llm_query</c> calls one caller may have running at once; default 4.</summary>
    public int ConcurrentQueries { get; set; } = 4;

    /// <summary><c>embedding</c> calls per caller per minute; default 120.</summary>
    public int EmbeddingsPerMinute { get; set; } = 120;

    /// <summary><c>embedding</c> calls one caller may have running at once; default 4.</summary>
    public int ConcurrentEmbeddings { get; set; } = 4;

    /// <summary><c>file-store</c> uploads per caller per minute; default 30.</summary>
    public int FileStorePerMinute { get; set; } = 30;

    /// <summary><c>file-store</c> uploads one caller may have running at once; default 2.</summary>
    public int ConcurrentFileStore { get; set; } = 2;

    /// <summary>
    /// How long a running call holds its slot at most. A call gives its slot back when it ends; this only matters when
    /// a host dies mid-call, and then its slots free themselves after this time. Keep it above
    /// <c>IAToolkit:Assistant:RequestTimeout</c>; default 10 minutes.
    /// </summary>
    public TimeSpan LeaseLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
