using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies;

/// <summary>Where a company's folder was found, and how to show it in messages.</summary>
/// <param name="Path">The absolute path, or the first place looked when <see cref="Exists"/> is false.</param>
/// <param name="DisplayPath">The path relative to the root it was found under, e.g. <c>companies/acme</c>.</param>
/// <param name="Exists">Whether the folder exists.</param>
/// <param name="Searched">Every place looked, for the error message when it does not exist.</param>
internal sealed record CompanyFolder(string Path, string DisplayPath, bool Exists, IReadOnlyList<string> Searched);
