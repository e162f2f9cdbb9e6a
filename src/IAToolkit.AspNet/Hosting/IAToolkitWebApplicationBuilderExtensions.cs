using IAToolkit;
using IAToolkit.AspNet.Errors;
using IAToolkit.AspNet.Health;
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
    /// the core services, ProblemDetails, health checks and OpenAPI. Chain <c>.RegisterCompany&lt;T&gt;("short_name")</c>
    /// for each company. Calling it twice is harmless.
    /// </summary>
    public static IAToolkitBuilder AddIAToolkit(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var toolkit = builder.AddIAToolkitCore();
        if (builder.Services.Any(d => d.ServiceType == typeof(WebMarker)))
        {
            return toolkit;
        }

        builder.Services.AddSingleton<WebMarker>();
        builder.Services.AddProblemDetails();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Diagnostics.IExceptionHandler, IAToolkitExceptionHandler>());
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpoints.ReadyTag]);
        builder.Services.AddOpenApi();
        return toolkit;
    }

    private sealed class WebMarker;
}
