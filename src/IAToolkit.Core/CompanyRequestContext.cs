using IAToolkit.Companies;
using IAToolkit.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit;

/// <summary>What a company's code receives with each call the framework makes to it.</summary>
public sealed class CompanyRequestContext
{
    /// <summary>
    /// Creates a context. The framework creates one for every call; a company's own tests create one to call the
    /// company class directly.
    /// </summary>
    public CompanyRequestContext(string shortName, string folder, IServiceProvider services, string? userIdentifier)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shortName);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(services);
        ShortName = shortName;
        Folder = folder;
        Services = services;
        UserIdentifier = userIdentifier;
    }

    /// <summary>The short name the company was registered with, e.g. <c>sample_company</c>.</summary>
    public string ShortName { get; }

    /// <summary>The absolute path of the company folder (where company.yaml, context, prompts and sample data live).</summary>
    public string Folder { get; }

    /// <summary>The services of the current call (a request's scope, or the root services for a verb): resolve what the call needs from here.</summary>
    public IServiceProvider Services { get; }

    /// <summary>The user on whose behalf the call is made, when there is one.</summary>
    public string? UserIdentifier { get; }

    /// <summary>
    /// The Npgsql connection string of the company's <c>data_sources.sql</c> entry for <paramref name="database"/>,
    /// read from the variable company.yaml names (a <c>postgresql://</c> URL or Npgsql's keyword form): for a company's
    /// tools and verbs that reach the databases the company already declares, without repeating their variables.
    /// </summary>
    /// <exception cref="IAToolkitException">
    /// Code <see cref="ErrorCodes.InvalidSettings"/>: company.yaml declares no such database, or its variable is not
    /// set or not a PostgreSQL connection.
    /// </exception>
    public string GetSqlConnectionString(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        var company = Services.GetRequiredService<ICompanyCatalog>().GetRequired(ShortName);
        var source = company.Configuration.SqlDataSources.FirstOrDefault(s => s.Database == database)
            ?? throw new IAToolkitException(ErrorCodes.InvalidSettings, $"companies/{ShortName}/config/company.yaml declares no data_sources.sql entry with database: {database}.");
        var variable = source.ConnectionString;
        var value = Services.GetRequiredService<CompanySecrets>().Resolve(variable);
        try
        {
            return DatabaseUri.ToConnectionString(value);
        }
        catch (FormatException ex)
        {
            throw new IAToolkitException(ErrorCodes.InvalidSettings, $"{variable.Name} {ex.Message} ({variable.File}: {variable.KeyPath}).", ex);
        }
    }

    internal static CompanyRequestContext For(Company company, IServiceProvider services, string? userIdentifier)
        => new(company.ShortName, company.Folder, services, userIdentifier);
}
