using System.Reflection;

namespace IAToolkit;

/// <summary>The version of the IAToolkit packages the host runs.</summary>
internal static class IAToolkitVersion
{
    /// <summary>The informational version without build metadata, e.g. <c>0.1.0</c>.</summary>
    public static string Current { get; } = Read();

    private static string Read()
    {
        var version = typeof(IAToolkitVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }
}
