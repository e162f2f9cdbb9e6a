using IAToolkit.SqlSources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IAToolkit.Hosting;

/// <summary>Runs <see cref="IAToolkitStartup"/> when the host starts, so a broken host never serves a request.</summary>
internal sealed class IAToolkitStartupService : IHostedService
{
    private readonly IServiceProvider _services;

    public IAToolkitStartupService(IServiceProvider services) => _services = services;

    public Task StartAsync(CancellationToken cancellationToken) => StartAsync(_services, cancellationToken);

    /// <summary>
    /// Validates every setting, then runs the start-up sequence. <c>RunIAToolkitAsync</c> calls this before starting
    /// the host, so that a failure is reported once, plainly, rather than by the host's own error log.
    /// </summary>
    public static Task StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // All settings first, so one start reports every missing variable, not the first one a service touches.
        services.GetService<IStartupValidator>()?.Validate();
        services.GetService<SqlSourceConnections>()?.ReportOptOut();
        return services.GetRequiredService<IAToolkitStartup>().EnsureStartedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
