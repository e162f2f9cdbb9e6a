using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies;

/// <summary>One or more company folders are invalid; carries every problem found.</summary>
internal sealed class CompanyConfigurationException : IAToolkitException
{
    /// <summary>Creates the exception from the errors found.</summary>
    public CompanyConfigurationException(IReadOnlyList<ConfigurationProblem> errors)
        : base(ErrorCodes.InvalidCompanyConfiguration, Format(errors))
    {
        Errors = errors;
    }

    /// <summary>Every error, each naming its file and key path.</summary>
    public IReadOnlyList<ConfigurationProblem> Errors { get; }

    private static string Format(IReadOnlyList<ConfigurationProblem> errors)
        => $"The host cannot start: {errors.Count} error(s) in the company configuration:{Environment.NewLine}"
            + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
