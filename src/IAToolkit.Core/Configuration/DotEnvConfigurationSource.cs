using Microsoft.Extensions.Configuration;

namespace IAToolkit.Configuration;

/// <summary>A configuration source over a <c>.env</c> file; a missing file contributes nothing.</summary>
internal sealed class DotEnvConfigurationSource : IConfigurationSource
{
    public DotEnvConfigurationSource(string path) => Path = path;

    public string Path { get; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new DotEnvConfigurationProvider(Path);
}
