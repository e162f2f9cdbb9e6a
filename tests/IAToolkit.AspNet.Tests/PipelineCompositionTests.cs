using System.Net;
using IAToolkit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IAToolkit.AspNet.Tests;

/// <summary>What a company's <c>Program.cs</c> gets from <c>AddIAToolkit()</c>, <c>UseIAToolkit()</c> and <c>MapIAToolkit()</c>.</summary>
public sealed class PipelineCompositionTests : DatabaseTest
{
    [Test]
    public async Task Start_MapWithoutUse_FailsNamingUseIAToolkit()
    {
        using var root = new TempContentRoot();
        await using var app = Build(root, validateOnBuild: false);
        app.MapIAToolkit();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.That(error!.Message, Does.Contain("without app.UseIAToolkit()").And.Contain("Call app.UseIAToolkit() before app.MapIAToolkit()"));
    }

    [Test]
    public async Task Start_UseAfterMap_ServesWithTheSecurityHeaders()
    {
        using var root = new TempContentRoot();
        await using var app = Build(root, validateOnBuild: false);
        app.MapIAToolkit();
        app.UseIAToolkit();
        await app.StartAsync();
        using var client = app.GetTestClient();

        using var response = await client.GetAsync(new Uri("/version", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
    }

    [Test]
    public async Task Build_ValidateOnBuild_ResolvesEveryFrameworkService()
    {
        using var root = new TempContentRoot();
        await using var app = Build(root, validateOnBuild: true);

        var resolved = FrameworkServices.AssertAllResolve(Registrations!, app.Services);

        Assert.That(resolved, Is.GreaterThan(60));
    }

    private IServiceCollection? Registrations { get; set; }

    private WebApplication Build(TempContentRoot root, bool validateOnBuild)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = root.Path, EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Host.UseDefaultServiceProvider(options =>
        {
            options.ValidateOnBuild = validateOnBuild;
            options.ValidateScopes = validateOnBuild;
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DATABASE_URI"] = Database.Uri,
            ["REDIS_URL"] = TestServices.RedisUrl,
            ["IATOOLKIT_SECRET_KEY"] = TestServices.SecretKey,
            ["FERNET_KEY"] = TestServices.FernetKey,
            ["IAToolkit:Database:MigrateOnStart"] = "true",
            ["IAToolkit:Redis:KeyPrefix"] = $"iat-test-{Guid.NewGuid():N}:",
            ["IAToolkit:PublicBaseUrl"] = "http://localhost",
        });
        builder.AddIAToolkit();
        Registrations = builder.Services;
        return builder.Build();
    }
}
