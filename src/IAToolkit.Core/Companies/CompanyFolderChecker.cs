using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies;

/// <summary>Loads and validates company folders: every registered one, or any folder given by path.</summary>
internal sealed class CompanyFolderChecker
{
    private readonly CompanyRegistry _registry;
    private readonly CompanyFolderLocator _locator;
    private readonly CompanyConfigurationLoader _loader;

    public CompanyFolderChecker(CompanyRegistry registry, CompanyFolderLocator locator, CompanyConfigurationLoader loader)
    {
        _registry = registry;
        _locator = locator;
        _loader = loader;
    }

    public IReadOnlyList<CompanyFolderCheck> CheckRegistered()
        => [.. _registry.Registrations.Select(r => Check(r.ShortName, _locator.Locate(r.ShortName)))];

    public ICompany Implementation(string shortName)
        => _registry.Registrations.First(r => r.ShortName == shortName).Implementation;

    public CompanyFolderCheck Check(string shortName, CompanyFolder folder)
    {
        if (!folder.Exists)
        {
            var problem = new ConfigurationProblem(
                ProblemSeverity.Error,
                folder.DisplayPath,
                string.Empty,
                $"company folder not found (looked in {string.Join(" and ", folder.Searched)})");
            return new CompanyFolderCheck(shortName, folder, new CompanyLoadResult(null, [problem]));
        }

        return new CompanyFolderCheck(shortName, folder, _loader.Load(shortName, folder.Path, folder.DisplayPath));
    }
}
