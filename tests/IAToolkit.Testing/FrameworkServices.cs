using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace IAToolkit.Testing;

/// <summary>Checks that a built container can create every service the framework registered.</summary>
public static class FrameworkServices
{
    /// <summary>
    /// Resolves, in a scope, every registration whose service or implementation comes from an IAToolkit assembly (open
    /// generics and keyed services aside) and asserts that each one yields an instance of its implementation.
    /// </summary>
    public static int AssertAllResolve(IServiceCollection registrations, IServiceProvider services)
    {
        var resolved = 0;
        using var scope = services.CreateScope();
        foreach (var descriptor in registrations.Where(IsFramework))
        {
            var instances = scope.ServiceProvider.GetServices(descriptor.ServiceType).ToList();
            Assert.That(instances, Is.Not.Empty, $"{descriptor.ServiceType} resolves");
            if (descriptor.ImplementationType is { } implementation)
            {
                Assert.That(instances, Has.Some.InstanceOf(implementation), $"{descriptor.ServiceType} resolves to {implementation}");
            }

            resolved++;
        }

        return resolved;
    }

    private static bool IsFramework(ServiceDescriptor descriptor)
        => !descriptor.IsKeyedService
            && !descriptor.ServiceType.IsGenericTypeDefinition
            && (IsFramework(descriptor.ServiceType) || (descriptor.ImplementationType is { } type && IsFramework(type)));

    private static bool IsFramework(Type type) => type.Assembly.GetName().Name is "IAToolkit.Core" or "IAToolkit.AspNet";
}
