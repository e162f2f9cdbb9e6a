using IAToolkit.AspNet.Links;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;

namespace IAToolkit.AspNet.Health;

/// <summary><c>GET /health</c> (the process answers) and <c>GET /health/ready</c> (database and Redis answer, no company database is refused; which check failed only with <c>IAToolkit:Endpoints:HealthDetails</c> or in Development).</summary>
internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponseWriter.WriteStatusAsync,
        });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = endpoints.ServiceProvider.ShowsHealthDetails() ? HealthResponseWriter.WriteDetailsAsync : HealthResponseWriter.WriteStatusAsync,
        });
    }
}
