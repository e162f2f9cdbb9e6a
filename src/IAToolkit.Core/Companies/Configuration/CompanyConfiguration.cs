namespace IAToolkit.Companies.Configuration;

/// <summary>A company's company.yaml, parsed and validated. Immutable.</summary>
public sealed record CompanyConfiguration
{
    /// <summary><c>id</c>: equals the short name the company is registered with.</summary>
    public required string Id { get; init; }

    /// <summary><c>name</c>: the display name.</summary>
    public required string Name { get; init; }

    /// <summary><c>locale</c>, e.g. <c>es_ES</c>; its language part selects en or es texts.</summary>
    public string Locale { get; init; } = "en_US";

    /// <summary>The <c>parameters</c> section as compact JSON, as stored with the company row.</summary>
    public string ParametersJson { get; init; } = "{}";
}
