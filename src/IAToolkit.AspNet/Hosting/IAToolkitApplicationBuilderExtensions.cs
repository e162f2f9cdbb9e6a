using IAToolkit.AspNet.Endpoints;
using IAToolkit.AspNet.Errors;
using IAToolkit.AspNet.Hosting;
using IAToolkit.AspNet.Security;
using Microsoft.Extensions.DependencyInjection;

// Extension methods live where host code already has a using for them.
#pragma warning disable IDE0130
namespace Microsoft.AspNetCore.Builder;
#pragma warning restore IDE0130

/// <summary>Installs IAToolkit's middleware.</summary>
public static class IAToolkitApplicationBuilderExtensions
{
    private const string InstalledKey = "IAToolkit.MiddlewareInstalled";

    /// <summary>
    /// Installs the framework's middleware, in this order (each one only sees what the ones before it let through):
    /// <list type="number">
    /// <item><description>Forwarded headers: first, so everything after sees the client's scheme and address as a
    /// trusted proxy reported them (secure cookies, links, per-client limits, logs).</description></item>
    /// <item><description>Host filtering: a request naming a host this server does not serve is refused before any
    /// work is done for it or any link is built from it (forwarded headers never rewrite the host, so the one judged is
    /// the one the client sent).</description></item>
    /// <item><description>Security headers: set just before a response starts, and installed before the error
    /// handlers so that error pages and ProblemDetails carry them too.</description></item>
    /// <item><description>Exception handler: turns every exception thrown after it (binding failures included) into
    /// ProblemDetails or a page with the framework's error code.</description></item>
    /// <item><description>Status code pages: bodies for errors no exception explains (an unknown path, a wrong
    /// method); inside the exception handler, so a failure while writing one is still handled.
    /// </description></item>
    /// <item><description>Routing: chooses the endpoint, so that everything after can read its metadata (its body
    /// limit, its company, its authorization policy).</description></item>
    /// <item><description>Body size limit: needs the endpoint's limit, and must run before anything reads the body
    /// (antiforgery reads forms).</description></item>
    /// <item><description>CORS: needs the endpoint's company, and answers preflight requests, which carry no
    /// credentials, before sign-in is asked for.</description></item>
    /// <item><description>Authentication: the user from the session cookie or the API key.</description></item>
    /// <item><description>Authorization: needs that user and the endpoint's policy.</description></item>
    /// <item><description>Antiforgery: after authentication and authorization, as ASP.NET Core requires, because a
    /// token belongs to the signed-in user; before the endpoint reads the form.</description></item>
    /// </list>
    /// Call it before <c>app.MapIAToolkit()</c>; middleware of the host's own goes before it (seen by every request)
    /// or after it (then routing, sign-in and the endpoint's metadata are already known). A host that maps the
    /// endpoints without calling this fails at start, naming this method: the framework's pages and APIs never run
    /// without their security middleware, and <c>MapIAToolkit()</c> does not install it itself because the
    /// position of middleware is the host's decision, and a hidden install would place it wherever that call happens
    /// to be. Calling it twice is harmless.
    /// </summary>
    /// <param name="app">The application built from a builder on which <c>AddIAToolkit()</c> was called.</param>
    /// <returns>The same <paramref name="app"/>, to chain further calls.</returns>
    public static IApplicationBuilder UseIAToolkit(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var pipeline = app.ApplicationServices.GetService<IAToolkitPipeline>()
            ?? throw new InvalidOperationException("IAToolkit's services are missing: call builder.AddIAToolkit() before builder.Build().");
        if (!app.Properties.TryAdd(InstalledKey, true))
        {
            return app;
        }

        pipeline.MiddlewareInstalled = true;
        app.UseForwardedHeaders();
        // WebApplication's defaults already filter hosts; this covers hosts built without them (the options are shared).
        app.UseHostFiltering();
        app.Use(SecurityHeaders.ApplyAsync);
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodePages.WriteAsync);
        app.UseRouting();
        app.Use(BodySizeLimit.ApplyAsync);
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }
}
