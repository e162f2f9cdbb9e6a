using Microsoft.Extensions.Hosting;

namespace IAToolkit.Hosting;

/// <summary>Runs <see cref="IAToolkitStartup"/> when the host starts, so a broken host never serves a request.</summary>
internal sealed class IAToolkitStartupService : IHostedService
{
    private readonly IAToolkitStartup _startup;

    public IAToolkitStartupService(IAToolkitStartup startup) => _startup = startup;

    public Task StartAsync(CancellationToken cancellationToken) => _startup.EnsureStartedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
