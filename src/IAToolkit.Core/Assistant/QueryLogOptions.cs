namespace IAToolkit.Assistant;

/// <summary>How the query log is written to PostgreSQL (section <c>IAToolkit:QueryLog</c>); see <see cref="QueryLogWriter"/>.</summary>
internal sealed class QueryLogOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:QueryLog";

    /// <summary>The most rows one INSERT writes; default 500.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long queued rows may wait before the writer looks again; default 200 ms. A full batch is written at once.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a batch taken by a writer stays its own; after that any host writes it (its writer is taken for dead); default 60 s.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
