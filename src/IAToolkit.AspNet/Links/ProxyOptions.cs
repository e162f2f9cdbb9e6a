namespace IAToolkit.AspNet.Links;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> headers are believed (section
/// <c>IAToolkit:ForwardedHeaders</c>). Without either setting only a proxy on the loopback interface is trusted.
/// </summary>
internal sealed class ProxyOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:ForwardedHeaders";

    /// <summary>Proxy addresses, separated by <c>;</c> or <c>,</c>, e.g. <c>10.0.0.5;10.0.0.6</c>. Replaces the loopback default.</summary>
    public string? KnownProxies { get; set; }

    /// <summary>Proxy networks in CIDR form, separated by <c>;</c> or <c>,</c>, e.g. <c>10.0.0.0/8</c>. Replaces the loopback default.</summary>
    public string? KnownNetworks { get; set; }

    /// <summary>Whether either list is set (then the loopback default no longer applies).</summary>
    internal bool IsConfigured => !string.IsNullOrWhiteSpace(KnownProxies) || !string.IsNullOrWhiteSpace(KnownNetworks);

    internal static IEnumerable<string> Split(string? list)
        => (list ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
