using IAToolkit.Companies.Configuration.Reading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IAToolkit.Companies;

/// <summary>The registered companies: their folders, their company.yaml, their secrets and the catalog of loaded ones.</summary>
internal static class CompaniesServiceCollectionExtensions
{
    public static IServiceCollection AddCompanies(this IServiceCollection services)
    {
        services.TryAddSingleton<CompanyFolderLocator>();
        services.TryAddSingleton<CompanyConfigurationLoader>();
        services.TryAddSingleton<CompanySecrets>();
        services.TryAddSingleton<CompanyFolderChecker>();
        services.TryAddSingleton<CompanyCatalog>();
        services.TryAddSingleton<ICompanyCatalog>(sp => sp.GetRequiredService<CompanyCatalog>());
        return services;
    }
}
