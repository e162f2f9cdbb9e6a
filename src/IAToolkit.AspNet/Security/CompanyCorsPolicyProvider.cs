using IAToolkit.AspNet.Tenancy;
using IAToolkit.Companies;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IAToolkit.AspNet.Security;

/// <summary>
/// CORS per company: a browser on an origin listed in the company's <c>parameters.cors_origin</c> may call that
/// company's endpoints with credentials; any other origin gets no CORS headers.
/// </summary>
internal sealed class CompanyCorsPolicyProvider : ICorsPolicyProvider
{
    public const string PolicyName = "IAToolkit.Company";

    private readonly ICompanyCatalog _catalog;

    public CompanyCorsPolicyProvider(ICompanyCatalog catalog) => _catalog = catalog;

    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (policyName != PolicyName || context.GetRouteValue(RouteCompany.RouteKey) is not string name || _catalog.Find(name) is not { } company)
        {
            return Task.FromResult<CorsPolicy?>(null);
        }

        var builder = new CorsPolicyBuilder()
            .WithMethods("GET", "POST", "OPTIONS")
            .WithHeaders("Content-Type", "Authorization", "X-Requested-With", "Accept")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        var origins = company.Configuration.Parameters.CorsOrigins;
        if (origins.Contains("*"))
        {
            // A wildcard cannot carry cookies; API keys still work.
            builder.AllowAnyOrigin();
        }
        else
        {
            builder.WithOrigins([.. origins.Select(o => o.TrimEnd('/'))]).AllowCredentials();
        }

        return Task.FromResult<CorsPolicy?>(builder.Build());
    }
}
