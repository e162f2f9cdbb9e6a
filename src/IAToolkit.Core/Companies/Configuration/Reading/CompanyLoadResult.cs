using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>The outcome of loading one company folder: the configuration, or every problem found.</summary>
internal sealed class CompanyLoadResult
{
    /// <summary>Creates a result.</summary>
    public CompanyLoadResult(CompanyConfiguration? configuration, IReadOnlyList<ConfigurationProblem> problems)
    {
        Problems = problems;
        Configuration = problems.Any(p => p.Severity == ProblemSeverity.Error) ? null : configuration;
    }

    /// <summary>The configuration, or <see langword="null"/> when there are errors.</summary>
    public CompanyConfiguration? Configuration { get; }

    /// <summary>Every problem found, errors and warnings, in file order.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    /// <summary>The problems that stop the company from loading.</summary>
    public IEnumerable<ConfigurationProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);

    /// <summary>The problems that do not stop the company from loading.</summary>
    public IEnumerable<ConfigurationProblem> Warnings => Problems.Where(p => p.Severity == ProblemSeverity.Warning);

    /// <summary>Whether any problem is an error.</summary>
    public bool HasErrors => Configuration is null;
}
