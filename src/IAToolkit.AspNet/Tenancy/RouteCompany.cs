using IAToolkit.Companies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.AspNet.Tenancy;

/// <summary>
/// The company named by the route's <c>{c}</c>, bound as an endpoint parameter; an unknown name is a 404 before the
/// endpoint runs.
/// </summary>
/// <param name="Company">The company.</param>
internal sealed record RouteCompany(Company Company)
{
    public const string RouteKey = "c";

    public static ValueTask<RouteCompany?> BindAsync(HttpContext context)
    {
        var name = context.GetRouteValue(RouteKey) as string ?? string.Empty;
        var company = context.RequestServices.GetRequiredService<ICompanyCatalog>().Find(name);
        return company is null
            ? throw new IAToolkitException(ErrorCodes.CompanyNotFound, $"There is no company named '{name}'.")
            : ValueTask.FromResult<RouteCompany?>(new RouteCompany(company));
    }
}
