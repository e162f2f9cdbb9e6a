using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;

namespace IAToolkit.Cli.Tests;

/// <summary>
/// The sample host is the host a company writes: it compiles against the framework's public API alone, so whatever
/// it needs is part of the reviewed API (src/*/PublicAPI.*.txt) and not reached through internals.
/// </summary>
public sealed class SampleHostPublicApiTests
{
    private static readonly string[] s_framework = ["IAToolkit.Core", "IAToolkit.AspNet", "IAToolkit.Cli"];

    [Test]
    public void FrameworkAssemblies_InternalsVisibleTo_NeverNameTheSampleHost()
    {
        var sample = typeof(SampleCompany.SampleCompany).Assembly.GetName().Name!;

        var friends = s_framework
            .SelectMany(name => Assembly.Load(name).GetCustomAttributes<InternalsVisibleToAttribute>())
            .Select(a => a.AssemblyName)
            .ToList();

        Assert.That(friends, Does.Contain("IAToolkit.Cli.Tests"), "the attributes are read");
        Assert.That(friends, Has.None.StartsWith(sample));
    }

    [Test]
    public void SampleHost_FrameworkTypesItUses_AreAllPublic()
    {
        using var stream = File.OpenRead(typeof(SampleCompany.SampleCompany).Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();

        var used = new List<Type>();
        foreach (var handle in metadata.TypeReferences)
        {
            var reference = metadata.GetTypeReference(handle);
            if (reference.ResolutionScope.Kind != HandleKind.AssemblyReference)
            {
                continue;
            }

            var assembly = metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)reference.ResolutionScope).Name);
            if (s_framework.Contains(assembly))
            {
                var name = $"{metadata.GetString(reference.Namespace)}.{metadata.GetString(reference.Name)}";
                used.Add(Assembly.Load(assembly).GetType(name, throwOnError: true)!);
            }
        }

        Assert.That(used.Select(t => t.FullName), Does.Contain("IAToolkit.CompanyBase").And.Contain("IAToolkit.CompanyRequestContext"));
        Assert.That(used.Where(t => !t.IsPublic).Select(t => t.FullName), Is.Empty);
    }
}
