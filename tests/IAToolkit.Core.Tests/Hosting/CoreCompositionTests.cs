using IAToolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IAToolkit.Core.Tests.Hosting;

/// <summary><c>AddIAToolkitCore()</c> as the sum of its features.</summary>
public sealed class CoreCompositionTests
{
    [Test]
    public void Build_ValidateOnBuild_ResolvesEveryFrameworkService()
    {
        var builder = TestHost.CreateBuilder(Path.GetTempPath(), TestServices.DatabaseUri);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        builder.AddIAToolkitCore();
        using var host = builder.Build();

        var resolved = FrameworkServices.AssertAllResolve(builder.Services, host.Services);

        Assert.That(resolved, Is.GreaterThan(50));
    }

    [Test]
    public void AddIAToolkitCore_Twice_RegistersEachServiceOnce()
    {
        var builder = TestHost.CreateBuilder(Path.GetTempPath(), TestServices.DatabaseUri);
        builder.AddIAToolkitCore();
        var count = builder.Services.Count;

        builder.AddIAToolkitCore();

        Assert.That(builder.Services, Has.Count.EqualTo(count));
    }
}
