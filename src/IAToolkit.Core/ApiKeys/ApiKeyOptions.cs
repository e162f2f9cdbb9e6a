namespace IAToolkit.ApiKeys;

/// <summary>
/// How a host checks API keys (section <c>IAToolkit:ApiKeys</c>). A key that a host has found valid is trusted for
/// <see cref="CacheLifetime"/> without asking the database again; a revocation reaches every host at once through Redis,
/// and the lifetime is the bound when Redis cannot deliver it.
/// </summary>
internal sealed class ApiKeyOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:ApiKeys";

    /// <summary>
    /// How long a host trusts a key it has checked; <see cref="TimeSpan.Zero"/> checks every request in the database.
    /// It is also the longest a revoked key keeps working on a host that missed the revocation message (Redis down or
    /// the host cut off from it). Default 5 seconds, at most 1 minute.
    /// </summary>
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many valid keys one host keeps at most; beyond that a key is checked in the database on every request.
    /// Unknown and revoked keys are never kept. Default 10,000.
    /// </summary>
    public int CacheSize { get; set; } = 10_000;
}
