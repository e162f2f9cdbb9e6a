using IAToolkit.Companies;
using IAToolkit.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Cli.Verbs;

/// <summary>Finds the company an <c>api-key</c> verb names, loading the companies first.</summary>
internal static class ApiKeyCompany
{
    /// <summary>
    /// Runs the start-up sequence (valid companies, migrated database) and returns the company. Called from the
    /// verb's action, never when the command tree is built, so that other verbs do not need the database.
    /// </summary>
    /// <exception cref="IAToolkitException">Code <c>company_not_found</c>, or any start-up error.</exception>
    public static async Task<Company> FindAsync(IServiceProvider services, string shortName, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<IAToolkitStartup>().EnsureStartedAsync(cancellationToken);
        return services.GetRequiredService<ICompanyCatalog>().GetRequired(shortName);
    }
}
