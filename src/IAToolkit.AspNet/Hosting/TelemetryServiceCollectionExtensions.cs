using System.Diagnostics;
using IAToolkit.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IAToolkit.AspNet.Hosting;

/// <summary>
/// Turns on the OpenTelemetry SDK when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (environment or appsettings): the
/// framework's spans and metrics (<see cref="IAToolkitTelemetry.Name"/>), ASP.NET Core, HttpClient and Npgsql, exported
/// over OTLP. Without the endpoint the SDK is not added at all, so no span is even created.
/// </summary>
internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>The OTLP endpoint variable of the OpenTelemetry specification; its presence turns telemetry on.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The OTLP protocol variable: <c>grpc</c> or <c>http/protobuf</c> (the default here, as the specification says).</summary>
    public const string ProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /// <summary>The service name variable; without it the service is named after the application.</summary>
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    /// <summary>What replaces a secret of a URL in a span.</summary>
    public const string Redacted = "REDACTED";

    // Route values that are credentials: a password-reset, verification, download or external sign-in link works for
    // whoever holds it, and an APM's users are not the link's owner.
    private static readonly string[] s_secretRouteValues = ["token"];

    /// <summary>Adds the SDK if <see cref="EndpointVariable"/> is set; otherwise does nothing. Calling it twice is harmless.</summary>
    public static IServiceCollection AddIAToolkitTelemetry(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(configuration[EndpointVariable]) || services.Any(d => d.ServiceType == typeof(TelemetryMarker)))
        {
            return services;
        }

        services.AddSingleton<TelemetryMarker>();
        var serviceName = configuration[ServiceNameVariable] is { Length: > 0 } name ? name : environment.ApplicationName;

        // The exporter reads OTEL_EXPORTER_OTLP_* itself (endpoint, headers for an APM's key, timeout, per-signal
        // endpoints) from the host's configuration; only the protocol's default differs from the .NET SDK's (gRPC).
        var protocolSet = !string.IsNullOrWhiteSpace(configuration[ProtocolVariable]);
        void Protocol(OtlpExporterOptions options)
        {
            if (!protocolSet)
            {
                options.Protocol = OtlpExportProtocol.HttpProtobuf;
            }
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddSource(IAToolkitTelemetry.Name)
                .AddAspNetCoreInstrumentation(options =>
                {
                    // Probes every few seconds would bury the requests that matter.
                    options.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
                    options.EnrichWithHttpResponse = RedactSecretRouteValues;
                })
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(Protocol))
            .WithMetrics(metrics => metrics
                .AddMeter(IAToolkitTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddOtlpExporter((exporter, _) => Protocol(exporter)));
        return services;
    }

    /// <summary>
    /// Replaces a credential carried in the path (<c>/verify/{token}</c>) in <c>url.path</c>: the span's name already
    /// shows the route template. Query strings are redacted by the instrumentation itself (every value), and request
    /// bodies are never recorded.
    /// </summary>
    internal static void RedactSecretRouteValues(Activity activity, HttpResponse response)
    {
        if (activity.GetTagItem("url.path") is not string path)
        {
            return;
        }

        var redacted = path;
        foreach (var key in s_secretRouteValues)
        {
            if (response.HttpContext.Request.RouteValues.TryGetValue(key, out var value) && value is string { Length: > 0 } secret)
            {
                redacted = redacted.Replace(Uri.EscapeDataString(secret), Redacted, StringComparison.Ordinal).Replace(secret, Redacted, StringComparison.Ordinal);
            }
        }

        if (!string.Equals(redacted, path, StringComparison.Ordinal))
        {
            activity.SetTag("url.path", redacted);
        }
    }

    private sealed class TelemetryMarker;
}
