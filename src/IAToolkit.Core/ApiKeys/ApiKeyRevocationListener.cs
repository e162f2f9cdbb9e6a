using Microsoft.Extensions.Hosting;

namespace IAToolkit.ApiKeys;

/// <summary>Makes a host listen for revocations from its start, not from the first key it caches.</summary>
internal sealed class ApiKeyRevocationListener : IHostedService
{
    private readonly ApiKeyRevocationChannel _channel;

    public ApiKeyRevocationListener(ApiKeyRevocationChannel channel) => _channel = channel;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _channel.EnsureListening();
        return Task.CompletedTask;
    }

    // The channel stops listening when the container disposes it.
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
