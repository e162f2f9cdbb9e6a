using IAToolkit;
using IAToolkit.AspNet.Endpoints;
using IAToolkit.AspNet.Errors;
using IAToolkit.AspNet.Health;
using IAToolkit.AspNet.Hosting;
using IAToolkit.AspNet.Links;
using IAToolkit.AspNet.Security;
using Microsoft.AspNetCore.Http;

// Extension methods live where host code already has a using for them.
#pragma warning disable IDE0130
namespace Microsoft.AspNetCore.Builder;
#pragma warning restore IDE0130

/// <summary>Maps IAToolkit's middleware and endpoints.</summary>
public static class IAToolkitEndpointExtensions
{
    private const string MappedKey = "IAToolkit.Mapped";

    /// <summary>
    /// Adds the middleware (forwarded headers from trusted proxies, allowed hosts, security headers, errors as
    /// ProblemDetails or pages, CORS per company, sign-in, antiforgery) and maps the framework's endpoints: the
    /// company pages (<c>/{c}/login</c>, <c>/{c}/signup</c>, …), the company APIs (<c>/api/{c}/…</c>), external login,
    /// <c>/</c>, <c>/health</c>, <c>/health/ready</c>, <c>/version</c> and, in Development or when
    /// <c>IAToolkit:Endpoints:OpenApi</c> is on, <c>/openapi/v1.json</c>. Calling it twice is harmless.
    /// </summary>
    public static WebApplication MapIAToolkit(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var properties = ((IApplicationBuilder)app).Properties;
        if (!properties.TryAdd(MappedKey, true))
        {
            return app;
        }

        // First, so that everything after sees the client's scheme and address as a trusted proxy reported them.
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

        app.MapHealthEndpoints();
        app.MapIndex();
        app.MapAssets();
        if (app.Services.ServesOpenApi())
        {
            app.MapOpenApi("/openapi/{documentName}.json");
        }

        app.MapGet("/version", () => TypedResults.Ok(new VersionResponse(IAToolkitVersion.Current)))
            .WithName("GetVersion")
            .WithSummary("The IAToolkit version this host runs.");
        app.MapCompanyApis();
        app.MapAssistantApis();
        app.MapKnowledgeApis();
        app.MapExternalLogin();
        app.MapAccountPages();
        app.MapPasswordPages();
        return app;
    }
}
