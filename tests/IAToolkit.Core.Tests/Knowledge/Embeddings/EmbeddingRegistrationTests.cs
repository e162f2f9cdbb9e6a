using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IAToolkit.Core.Tests.Knowledge.Embeddings;

/// <summary>The host wiring: the service resolves once, its options bind from their section and fail with the setting's name.</summary>
public sealed class EmbeddingRegistrationTests
{
    [Test]
    public void AddIAToolkitCore_EmbeddingSection_BindsTheOptionsAndResolvesOneService()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IAToolkit:Knowledge:Embeddings:BatchSize"] = "16",
            ["IAToolkit:Knowledge:Embeddings:Timeout"] = "00:00:30",
        });
        builder.AddIAToolkitCore();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<EmbeddingOptions>>().Value;

        Assert.That((options.BatchSize, options.MaxConcurrency, options.MaxRetries, options.Timeout), Is.EqualTo((16, 4, 3, TimeSpan.FromSeconds(30))));
        Assert.That(host.Services.GetRequiredService<EmbeddingService>(), Is.SameAs(host.Services.GetRequiredService<EmbeddingService>()));
    }

    [Test]
    public void Validate_BatchSizeZeroAndTooManyCallsAtOnce_NamesBothSettings()
    {
        var result = new EmbeddingOptionsValidator().Validate(null, new EmbeddingOptions { BatchSize = 0, MaxConcurrency = 100 });

        Assert.That(result.Failures, Is.EqualTo(new[]
        {
            "IAToolkit:Knowledge:Embeddings:BatchSize must be between 1 and 2048; it is 0.",
            "IAToolkit:Knowledge:Embeddings:MaxConcurrency must be between 1 and 64; it is 100.",
        }));
    }
}
