using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IAToolkit.Diagnostics;

/// <summary>
/// The name of the framework's <see cref="ActivitySource"/> and <see cref="Meter"/>: pass it to an OpenTelemetry
/// tracer's <c>AddSource</c> and a meter provider's <c>AddMeter</c> to collect the framework's spans and metrics
/// (IAToolkit.AspNet does so when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set).
/// </summary>
public static class IAToolkitTelemetry
{
    /// <summary>The source and meter name, <c>IAToolkit</c>.</summary>
    public const string Name = "IAToolkit";
}
