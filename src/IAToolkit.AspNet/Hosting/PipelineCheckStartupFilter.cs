using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace IAToolkit.AspNet.Hosting;

/// <summary>
/// Refuses to start a host that maps the framework's endpoints without its middleware: they would answer without
/// host filtering, security headers, error pages, CORS, sign-in or antiforgery. Checked when the pipeline is built
/// (before the server listens), so the two calls may come in either order in <c>Program.cs</c>.
/// </summary>
internal sealed class PipelineCheckStartupFilter : IStartupFilter
{
    public const string Message = "app.MapIAToolkit() was called without app.UseIAToolkit(): the framework's endpoints would run without "
        + "forwarded headers, host filtering, security headers, error pages, CORS, sign-in and antiforgery. "
        + "Call app.UseIAToolkit() before app.MapIAToolkit() in Program.cs.";

    private readonly IAToolkitPipeline _pipeline;

    public PipelineCheckStartupFilter(IAToolkitPipeline pipeline) => _pipeline = pipeline;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (_pipeline.EndpointsMapped && !_pipeline.MiddlewareInstalled)
        {
            throw new InvalidOperationException(Message);
        }

        next(app);
    };
}
