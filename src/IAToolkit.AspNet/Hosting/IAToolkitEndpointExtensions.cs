using IAToolkit.AspNet.Endpoints;
using IAToolkit.AspNet.Errors;
using IAToolkit.AspNet.Health;
using IAToolkit.AspNet.Hosting;
using IAToolkit;
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
    /// Adds the middleware (errors as ProblemDetails or pages, CORS per company, sign-in, antiforgery) and maps the
    /// framework's endpoints: the company pages (<c>/{c}/login</c>, <c>/{c}/signup</c>, …), the company APIs
    /// (<c>/api/{c}/…</c>), external login, <c>/</c>, <c>/health</c>, <c>/health/ready</c>, <c>/version</c> and
    /// <c>/openapi/v1.json</c>. Calling it twice is harmless.
    /// </summary>
    public static WebApplication MapIAToolkit(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var properties = ((IApplicationBuilder)app).Properties;
        if (!properties.TryAdd(MappedKey, true))
        {
            return app;
        }

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
        app.MapOpenApi("/openapi/{documentName}.json");
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
