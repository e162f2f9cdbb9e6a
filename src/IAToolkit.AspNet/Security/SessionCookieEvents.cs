using System.Globalization;
using System.Security.Claims;
using IAToolkit.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IAToolkit.AspNet.Security;

/// <summary>
/// Refuses a session whose user has signed out or changed their password since it began (its stamp is no longer
/// the user's), on every request and every host; sends a page that needs a session to the sign-in page of the
/// company in its path.
/// </summary>
internal sealed class SessionCookieEvents : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is null || await IsCurrentAsync(context, principal))
        {
            return;
        }

        SessionLog.SessionRevoked(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<SessionCookieEvents>(), principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "?");
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        var company = request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var returnUrl = Uri.EscapeDataString(request.PathBase + request.Path + request.QueryString);
        context.Response.Redirect(company is null ? "/" : $"/{company}/login?return_url={returnUrl}");
        return Task.CompletedTask;
    }

    private static async Task<bool> IsCurrentAsync(CookieValidatePrincipalContext context, ClaimsPrincipal principal)
    {
        // A cookie from before stamps existed has none: it is refused like a revoked one.
        if (principal.FindFirstValue(IAToolkitAuthentication.StampClaim) is not { Length: > 0 } claimed)
        {
            return false;
        }

        var stamps = context.HttpContext.RequestServices.GetRequiredService<SessionStamps>();
        var cancellationToken = context.HttpContext.RequestAborted;
        switch (principal.FindFirstValue(IAToolkitAuthentication.AuthTypeClaim))
        {
            case "local" when long.TryParse(principal.FindFirstValue(IAToolkitAuthentication.IdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var userId):
                return await stamps.ForUserAsync(userId, cancellationToken) == claimed;
            case "external" when principal.FindFirstValue(IAToolkitAuthentication.CompanyClaim) is { } company && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } identifier:
                return await stamps.ForExternalUserAsync(company, identifier, claimed) == claimed;
            default:
                return false;
        }
    }
}
