namespace IAToolkit.Configuration;

/// <summary>General framework settings (section <c>IAToolkit</c>).</summary>
internal sealed class IAToolkitOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit";

    /// <summary>The folder holding the company folders, relative to the content root (default <c>companies</c>).</summary>
    public string CompaniesFolder { get; set; } = "companies";

    /// <summary>
    /// <c>development</c> or <c>production</c>: selects the knowledge-base connectors of company.yaml. Taken from
    /// <c>IAToolkit:Environment</c>, else <c>FLASK_ENV</c> (as Python deployments set it), else the host environment.
    /// </summary>
    public string Environment { get; set; } = "production";

    /// <summary>Whether development connectors and conveniences apply.</summary>
    public bool IsDevelopment => Environment.Equals("development", StringComparison.OrdinalIgnoreCase)
        || Environment.Equals("dev", StringComparison.OrdinalIgnoreCase);
}
