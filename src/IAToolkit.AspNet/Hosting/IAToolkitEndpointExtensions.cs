using IAToolkit;
using IAToolkit.AspNet.Endpoints;
using IAToolkit.AspNet.Health;
using IAToolkit.AspNet.Hosting;
using IAToolkit.AspNet.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

// Extension methods live where host code already has a using for them.
#pragma warning disable IDE0130
namespace Microsoft.AspNetCore.Builder;
#pragma warning restore IDE0130

/// <summary>Maps IAToolkit's endpoints.</summary>
public static class IAToolkitEndpointExtensions
{
    private const string MappedKey = "IAToolkit.Mapped";

    /// <summary>
    /// Maps the framework's endpoints: the company pages (<c>/{c}/login</c>, <c>/{c}/signup</c>, …), the company APIs
    /// (<c>/api/{c}/…</c>), external login, <c>/</c>, <c>/health</c>, <c>/health/ready</c>, <c>/version</c> and, in
    /// Development or when <c>IAToolkit:Endpoints:OpenApi</c> is on, <c>/openapi/v1.json</c>. The middleware they rely
    /// on comes from <c>app.UseIAToolkit()</c>; a host that maps them without it fails at start with a message that
    /// says so. Calling it twice is harmless.
    /// </summary>
    /// <param name="app">The application built from a builder on which <c>AddIAToolkit()</c> was called.</param>
    /// <returns>The same <paramref name="app"/>.</returns>
    public static WebApplication MapIAToolkit(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var pipeline = app.Services.GetService<IAToolkitPipeline>()
            ?? throw new InvalidOperationException("IAToolkit's services are missing: call builder.AddIAToolkit() before builder.Build().");
        var properties = ((IApplicationBuilder)app).Properties;
        if (!properties.TryAdd(MappedKey, true))
        {
            return app;
        }

        pipeline.EndpointsMapped = true;
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
