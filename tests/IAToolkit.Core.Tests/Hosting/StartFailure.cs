using IAToolkit.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IAToolkit.Core.Tests.Hosting;

/// <summary>Starts a core host with one setting changed and returns why it refused to start.</summary>
internal static class StartFailure
{
    public static async Task<OptionsValidationException> StartAsync(string key, string value)
    {
        var builder = TestHost.CreateBuilder(Path.GetTempPath(), TestServices.DatabaseUri, settings: new Dictionary<string, string?> { [key] = value });
        builder.AddIAToolkitCore();
        using var host = builder.Build();

        // Settings are validated before any hosted service runs, so nothing reaches the database.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        return error!;
    }
}
