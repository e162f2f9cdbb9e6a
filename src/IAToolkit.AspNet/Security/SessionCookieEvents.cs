using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace IAToolkit.AspNet.Security;

/// <summary>Sends a page that needs a session to the sign-in page of the company in its path.</summary>
internal sealed class SessionCookieEvents : CookieAuthenticationEvents
{
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        var company = request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var returnUrl = Uri.EscapeDataString(request.PathBase + request.Path + request.QueryString);
        context.Response.Redirect(company is null ? "/" : $"/{company}/login?return_url={returnUrl}");
        return Task.CompletedTask;
    }
}
