using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IAToolkit.AspNet.Links;

/// <summary>The public base URL, the hosts the host answers to, the proxies it believes, and what it exposes.</summary>
internal static class LinkServiceCollectionExtensions
{
    /// <summary>The ASP.NET Core setting that lists the accepted <c>Host</c> names, separated by <c>;</c>.</summary>
    public const string AllowedHostsKey = "AllowedHosts";

    public static void AddIAToolkitLinks(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<PublicUrlOptions>().BindConfiguration(PublicUrlOptions.SectionName).ValidateOnStart();
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.SectionName).ValidateOnStart();
        services.AddOptions<EndpointExposureOptions>().BindConfiguration(EndpointExposureOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PublicUrlOptions>, PublicUrlOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProxyOptions>, PublicUrlOptionsValidator>());
        services.TryAddSingleton<PublicUrls>();

        // X-Forwarded-For and -Proto only: links never depend on the Host, so there is no reason to let a header
        // rewrite it (and AllowedHosts then judges the Host the client really sent).
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((options, proxies) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (!proxies.Value.IsConfigured)
            {
                return; // ASP.NET Core's default: loopback only.
            }

            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in ProxyOptions.Split(proxies.Value.KnownProxies))
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    options.KnownProxies.Add(address);
                }
            }

            foreach (var network in ProxyOptions.Split(proxies.Value.KnownNetworks))
            {
                if (System.Net.IPNetwork.TryParse(network, out var parsed))
                {
                    options.KnownIPNetworks.Add(parsed);
                }
            }
        });

        // AllowedHosts, when set, is the list; outside Development it defaults to the public base URL's host, so a
        // request naming another host is refused before any endpoint sees it.
        services.AddOptions<HostFilteringOptions>().PostConfigure<IConfiguration, IOptions<PublicUrlOptions>>((options, configuration, urls) =>
        {
            var configured = configuration[AllowedHostsKey];
            if (!string.IsNullOrWhiteSpace(configured))
            {
                options.AllowedHosts = configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
            else if (!environment.IsDevelopment() && urls.Value.PublicBaseUrl is { } text && PublicUrlOptionsValidator.TryParse(text, out var publicBase, out _))
            {
                options.AllowedHosts = [publicBase.Host];
            }
            else if (options.AllowedHosts.Count == 0)
            {
                options.AllowedHosts = ["*"];
            }
        });
    }

    /// <summary>Whether <c>/openapi/v1.json</c> is served.</summary>
    public static bool ServesOpenApi(this IServiceProvider services)
        => services.GetRequiredService<IOptions<EndpointExposureOptions>>().Value.OpenApi ?? services.GetRequiredService<IHostEnvironment>().IsDevelopment();

    /// <summary>Whether <c>/health/ready</c> names its checks and their errors.</summary>
    public static bool ShowsHealthDetails(this IServiceProvider services)
        => services.GetRequiredService<IOptions<EndpointExposureOptions>>().Value.HealthDetails ?? services.GetRequiredService<IHostEnvironment>().IsDevelopment();
}
