using IAToolkit;
using IAToolkit.AspNet.Errors;
using IAToolkit.AspNet.Health;
using IAToolkit.AspNet.Hosting;
using IAToolkit.AspNet.Links;
using IAToolkit.AspNet.Pages;
using IAToolkit.AspNet.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

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
    /// health checks and OpenAPI. Chain <c>.RegisterCompany&lt;T&gt;("short_name")</c> for each company, then call
    /// <c>app.UseIAToolkit()</c> and <c>app.MapIAToolkit()</c> on the built app. Calling it twice is harmless.
    /// </summary>
    public static IAToolkitBuilder AddIAToolkit(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var toolkit = builder.AddIAToolkitCore();
        if (builder.Services.Any(d => d.ServiceType == typeof(WebMarker)))
        {
            return toolkit;
        }

        // One line per feature folder; each Add… lives beside its feature.
        var services = builder.Services;
        services.AddSingleton<WebMarker>();
        services.AddIAToolkitErrors();
        services.AddIAToolkitSecurity(builder.Environment);
        services.AddIAToolkitLinks(builder.Environment);
        services.AddIAToolkitPages();
        services.AddIAToolkitCors();
        services.AddIAToolkitHealthChecks();
        services.AddIAToolkitOpenApi();

        // MapIAToolkit() without UseIAToolkit() fails at start instead of serving without the middleware.
        services.TryAddSingleton<IAToolkitPipeline>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, PipelineCheckStartupFilter>());
        services.AddIAToolkitTelemetry(builder.Configuration, builder.Environment);

        // Production hooks: PORT from the platform, and no development-only settings in Production.
        PortSetting.Apply(builder);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IAToolkit.Configuration.SecurityOptions>, ProductionSettingsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IAToolkit.AspNet.Links.PublicUrlOptions>, ProductionSettingsValidator>());
        return toolkit;
    }

    private sealed class WebMarker;
}
