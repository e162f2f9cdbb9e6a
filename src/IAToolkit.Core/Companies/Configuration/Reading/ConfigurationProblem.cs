using System.Globalization;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>One problem found in a company folder, located by file and key path.</summary>
/// <param name="Severity">Whether the problem stops the company from loading.</param>
/// <param name="File">The file, relative to the host's content root, e.g. <c>companies/acme/config/company.yaml</c>.</param>
/// <param name="KeyPath">The key path inside the file, e.g. <c>llm.model</c> or <c>prompts[2].name</c>; empty for the file itself.</param>
/// <param name="Message">What is wrong, e.g. <c>is required</c>.</param>
/// <param name="Line">The 1-based line of the offending node, when known.</param>
internal sealed record ConfigurationProblem(ProblemSeverity Severity, string File, string KeyPath, string Message, int? Line = null)
{
    /// <summary>Formats the problem as <c>file: key.path message (line N)</c>.</summary>
    public override string ToString()
    {
        var where = KeyPath.Length == 0 ? $"{File}: " : $"{File}: {KeyPath} ";
        var line = Line is { } l ? string.Create(CultureInfo.InvariantCulture, $" (line {l})") : string.Empty;
        return where + Message + line;
    }
}
