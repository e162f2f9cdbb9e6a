namespace IAToolkit.AspNet.Links;

/// <summary>
/// Which descriptive endpoints anonymous callers reach (section <c>IAToolkit:Endpoints</c>). Both default to on in
/// Development and off elsewhere: the API description and the readiness details help an attacker map the host.
/// </summary>
internal sealed class EndpointExposureOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:Endpoints";

    /// <summary>Serve <c>/openapi/v1.json</c> (default: Development only).</summary>
    public bool? OpenApi { get; set; }

    /// <summary>Name each check, its time and its error in <c>/health/ready</c>, not only the overall status (default: Development only).</summary>
    public bool? HealthDetails { get; set; }
}
