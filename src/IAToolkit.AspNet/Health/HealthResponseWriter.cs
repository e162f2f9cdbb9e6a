using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IAToolkit.AspNet.Health;

/// <summary>
/// Writes a health report as JSON: the overall status and, with details, per check its status, time and what failed
/// (a failure message can name an internal host or a database, so details are off by default outside Development).
/// </summary>
internal static class HealthResponseWriter
{
    public static Task WriteStatusAsync(HttpContext context, HealthReport report) => WriteAsync(context, report, details: false);

    public static Task WriteDetailsAsync(HttpContext context, HealthReport report) => WriteAsync(context, report, details: true);

    private static Task WriteAsync(HttpContext context, HealthReport report, bool details)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new HealthResponse(
            report.Status.ToString(),
            !details ? null : report.Entries.ToDictionary(
                e => e.Key,
                e => new HealthCheckResponse(e.Value.Status.ToString(), Math.Round(e.Value.Duration.TotalMilliseconds, 1), e.Value.Description)));
        return JsonSerializer.SerializeAsync(context.Response.Body, body, HealthJsonContext.Default.HealthResponse, context.RequestAborted);
    }
}
