using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies;

/// <summary>The result of loading one company folder.</summary>
/// <param name="ShortName">The short name the folder must declare as <c>id</c>.</param>
/// <param name="Folder">Where the folder is.</param>
/// <param name="Result">The configuration, or the problems found.</param>
internal sealed record CompanyFolderCheck(string ShortName, CompanyFolder Folder, CompanyLoadResult Result);
