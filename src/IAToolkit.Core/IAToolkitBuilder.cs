using IAToolkit.Companies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IAToolkit;

/// <summary>
/// Returned by <c>AddIAToolkit()</c> (and <c>AddIAToolkitCore()</c>): what <c>RegisterCompany</c> and further
/// framework features chain on. Its properties let a feature's extension method reach the host's services,
/// configuration and environment.
/// </summary>
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
}
