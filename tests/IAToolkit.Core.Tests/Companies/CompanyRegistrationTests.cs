using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IAToolkit.Core.Tests.Companies;

public sealed class CompanyRegistrationTests
{
    [TestCase("Acme")]
    [TestCase("acme retail")]
    [TestCase("_acme")]
    [TestCase("")]
    public void RegisterCompany_MalformedShortName_Throws(string shortName)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        Assert.Throws<ArgumentException>(() => builder.AddIAToolkitCore().RegisterCompany<AcmeCompany>(shortName));
    }

    [Test]
    public void RegisterCompany_SameNameTwice_Throws()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var toolkit = builder.AddIAToolkitCore().RegisterCompany<AcmeCompany>("acme");

        var ex = Assert.Throws<ArgumentException>(() => toolkit.RegisterCompany<GlobexCompany>("acme"));

        Assert.That(ex!.Message, Does.Contain("already registered"));
    }

    [Test]
    public void AddIAToolkitCore_CalledTwice_ReturnsTheSameBuilderAndRegistersOnce()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        var first = builder.AddIAToolkitCore();
        var second = builder.AddIAToolkitCore();

        Assert.That(second, Is.SameAs(first));
        // Each hosted service (the start-up sequence, the mail outbox, …) once.
        var hosted = builder.Services.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType).ToList();
        Assert.That(hosted, Is.Not.Empty.And.Unique);
    }

    [Test]
    public void RegisterCompany_ClassImplementingOnlyICompany_IsRegisteredWithItsServices()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddIAToolkitCore().RegisterCompany<InitechCompany>("initech");

        var registry = builder.Services.Single(d => d.ServiceType == typeof(IAToolkit.Companies.CompanyRegistry)).ImplementationInstance as IAToolkit.Companies.CompanyRegistry;

        var registration = registry!.Registrations.Single();
        Assert.That(registration.ShortName, Is.EqualTo("initech"));
        Assert.That(registration.Implementation, Is.InstanceOf<InitechCompany>());
        Assert.That(builder.Services.Any(d => d.ServiceType == typeof(InitechCompany.Marker)), Is.True, "ConfigureServices ran at registration");
    }

    [Test]
    public void AddIAToolkitCore_DevelopmentDotEnv_IsReadBelowRealSettings()
    {
        using var root = new TempContentRoot();
        File.WriteAllText(Path.Combine(root.Path, ".env"), "FROM_DOTENV=dotenv\nOVERRIDDEN=dotenv\n");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development", ContentRootPath = root.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["OVERRIDDEN"] = "real" });

        builder.AddIAToolkitCore();

        Assert.That(builder.Configuration["FROM_DOTENV"], Is.EqualTo("dotenv"));
        Assert.That(builder.Configuration["OVERRIDDEN"], Is.EqualTo("real"));
    }

    [Test]
    public void AddIAToolkitCore_ProductionDotEnv_IsIgnored()
    {
        using var root = new TempContentRoot();
        File.WriteAllText(Path.Combine(root.Path, ".env"), "FROM_DOTENV=dotenv\n");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production", ContentRootPath = root.Path });

        builder.AddIAToolkitCore();

        Assert.That(builder.Configuration["FROM_DOTENV"], Is.Null);
    }
}
