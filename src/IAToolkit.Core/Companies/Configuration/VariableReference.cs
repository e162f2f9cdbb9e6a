using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>
/// A variable named in company.yaml (e.g. <c>llm.api-key: OPENAI_API_KEY</c>) and where it was named. The value
/// stays in the environment or <c>.env</c>; resolve it with <see cref="CompanySecrets"/> when it is needed.
/// </summary>
/// <param name="Name">The variable's name, e.g. <c>OPENAI_API_KEY</c>.</param>
/// <param name="File">The file that names it, e.g. <c>companies/acme/config/company.yaml</c>.</param>
/// <param name="KeyPath">The key that names it, e.g. <c>llm.api-key</c>.</param>
internal sealed record VariableReference(string Name, string File, string KeyPath)
{
    /// <summary>The variable's name.</summary>
    public override string ToString() => Name;
}
