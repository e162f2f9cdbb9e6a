using IAToolkit.AspNet.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IAToolkit.AspNet.Security;

/// <summary>The principal (session or API key) must belong to the company named in the route.</summary>
internal sealed class CompanyAccessRequirement : AuthorizationHandler<CompanyAccessRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CompanyAccessRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        var routeCompany = http?.GetRouteValue(RouteCompany.RouteKey) as string;
        var claim = context.User.FindFirst(IAToolkitAuthentication.CompanyClaim)?.Value;
        if (routeCompany is not null && claim == routeCompany)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
