namespace IAToolkit.Configuration;

/// <summary>Redis (section <c>IAToolkit:Redis</c>; the connection comes from <c>REDIS_URL</c>).</summary>
internal sealed class RedisOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:Redis";

    /// <summary>The environment variable deployments set.</summary>
    public const string VariableName = "REDIS_URL";

    /// <summary><c>redis://[:password@]host:port/db</c>, <c>rediss://…</c> for TLS, or a StackExchange.Redis configuration string.</summary>
    public string? Url { get; set; }

    /// <summary>Prefix of every key the framework writes, so several deployments can share one Redis (default <c>iat:</c>).</summary>
    public string KeyPrefix { get; set; } = "iat:";
}
