using IAToolkit.AspNet.Tenancy;
using IAToolkit.Companies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace IAToolkit.AspNet.Security;

/// <summary>
/// Headers on every response, set just before it starts (so an error page written by the exception handler gets
/// them too): a content security policy without inline script or style, <c>nosniff</c>, no referrer, no framing,
/// <c>Cache-Control: no-store</c> on everything but static assets (pages and JSON carry user data and tokens), and
/// <c>WWW-Authenticate: Bearer</c> on every 401.
/// </summary>
internal static class SecurityHeaders
{
    // Pages load their script, styles and images from this host only; no inline script or style is allowed, so
    // injected markup cannot run. form-action keeps forms (and the redirect after them) on this host.
    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(static state =>
        {
            Apply((HttpContext)state);
            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        // An endpoint that set a stricter policy of its own (a company's SVG logo) keeps it.
        if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = Policy + LogoutOrigin(context);
        }

        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // Only the framework's own static files (/_iatoolkit/…) may choose to be cached; every page, API answer and
        // stream (the SSE default is no-cache, which still lets a cache keep it) is no-store.
        var cacheControl = headers.CacheControl.ToString();
        var asset = context.Request.Path.StartsWithSegments("/_iatoolkit", StringComparison.Ordinal) && cacheControl.Length > 0;
        if (!asset && !cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = "no-store";
        }

        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized && string.IsNullOrEmpty(headers.WWWAuthenticate))
        {
            headers.WWWAuthenticate = context.Items.ContainsKey(ApiKeyAuthenticationHandler.FailureItem) ? "Bearer error=\"invalid_token\"" : "Bearer";
        }
    }

    /// <summary>
    /// Signing out is a form POST that redirects to the company's <c>external_urls.logout_url</c>; browsers apply
    /// form-action to that redirect, so its origin is allowed on that company's pages.
    /// </summary>
    private static string LogoutOrigin(HttpContext context)
    {
        if (context.GetRouteValue(RouteCompany.RouteKey) is not string name
            || context.RequestServices.GetService<ICompanyCatalog>()?.Find(name)?.Configuration.Parameters.LogoutUrl is not { IsAbsoluteUri: true } url)
        {
            return string.Empty;
        }

        return " " + url.GetLeftPart(UriPartial.Authority);
    }
}
