using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>How serious a <see cref="ConfigurationProblem"/> is.</summary>
internal enum ProblemSeverity
{
    /// <summary>The company cannot be loaded; the host refuses to start.</summary>
    Error,

    /// <summary>Worth fixing (an unknown key, a variable that is not set) but the company loads.</summary>
    Warning,
}
