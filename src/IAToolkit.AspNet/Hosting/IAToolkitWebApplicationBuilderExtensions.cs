using IAToolkit;
using IAToolkit.AspNet.Errors;
using IAToolkit.AspNet.Health;
using IAToolkit.AspNet.Hosting;
using IAToolkit.AspNet.Links;
using IAToolkit.AspNet.Security;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

// Extension methods live where host code already has a using for them.
#pragma warning disable IDE0130
namespace Microsoft.AspNetCore.Builder;
#pragma warning restore IDE0130

/// <summary>Adds IAToolkit to a web host.</summary>
public static class IAToolkitWebApplicationBuilderExtensions
{
    /// <summary>
    /// Adds IAToolkit: its settings (environment variables, appsettings, and a <c>.env</c> file in Development),
    /// the core services, sign-in (session cookie, API keys, Data Protection keys in Redis), the pages, ProblemDetails,
    /// health checks and OpenAPI. Chain <c>.RegisterCompany&lt;T&gt;("short_name")</c> for each company. Calling it
    /// twice is harmless.
    /// </summary>
    public static IAToolkitBuilder AddIAToolkit(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var toolkit = builder.AddIAToolkitCore();
        if (builder.Services.Any(d => d.ServiceType == typeof(WebMarker)))
        {
            return toolkit;
        }

        var services = builder.Services;
        services.AddSingleton<WebMarker>();
        services.AddProblemDetails();

        // Binding failures (malformed JSON, a wrong content type, a missing antiforgery token) reach the exception
        // handler, which explains them as ProblemDetails or as a page.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Diagnostics.IExceptionHandler, IAToolkitExceptionHandler>());
        services.AddIAToolkitSecurity(builder.Environment);
        services.AddIAToolkitLinks(builder.Environment);
        services.AddRazorComponents();
        services.Replace(ServiceDescriptor.Singleton<ICorsPolicyProvider, CompanyCorsPolicyProvider>());
        services.AddCors();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<SqlSourcesHealthCheck>("sql_sources", tags: [HealthEndpoints.ReadyTag]);
        services.AddOpenApi(options => options.AddDocumentTransformer<OpenApiServersTransformer>());
        services.AddIAToolkitTelemetry(builder.Configuration, builder.Environment);
        return toolkit;
    }

    private sealed class WebMarker;
}
