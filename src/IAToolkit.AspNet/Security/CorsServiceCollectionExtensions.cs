using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IAToolkit.AspNet.Security;

/// <summary>CORS per company: an origin listed in the company's <c>parameters.cors_origin</c> may call its endpoints.</summary>
internal static class CorsServiceCollectionExtensions
{
    public static IServiceCollection AddIAToolkitCors(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ICorsPolicyProvider, CompanyCorsPolicyProvider>());
        services.AddCors();
        return services;
    }
}
