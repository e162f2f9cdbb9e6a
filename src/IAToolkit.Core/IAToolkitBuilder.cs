using IAToolkit.Companies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IAToolkit;

/// <summary>Returned by <c>AddIAToolkit()</c>: registers the host's companies and further framework features.</summary>
public sealed class IAToolkitBuilder
{
    internal IAToolkitBuilder(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, CompanyRegistry registry)
    {
        Services = services;
        Configuration = configuration;
        Environment = environment;
        Registry = registry;
    }

    /// <summary>The host's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The host's configuration.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>The host's environment.</summary>
    public IHostEnvironment Environment { get; }

    internal CompanyRegistry Registry { get; }

    /// <summary>
    /// Registers a company: the class <typeparamref name="TCompany"/> plus its folder <c>companies/&lt;shortName&gt;/</c>,
    /// whose company.yaml must declare <c>id: &lt;shortName&gt;</c>. Calls the company's <see cref="ICompany.ConfigureServices"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The short name is malformed or already registered.</exception>
    public IAToolkitBuilder RegisterCompany<TCompany>(string shortName)
        where TCompany : CompanyBase, new()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shortName);
        var company = new TCompany();
        Registry.Add(shortName, company);
        company.ConfigureServices(Services);
        return this;
    }
}
