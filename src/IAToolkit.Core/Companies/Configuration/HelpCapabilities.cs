using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary><c>capabilities</c> in the help content.</summary>
internal sealed record HelpCapabilities
{
    /// <summary><c>can_do</c>.</summary>
    public IReadOnlyList<string> CanDo { get; init; } = [];

    /// <summary><c>cannot_do</c>.</summary>
    public IReadOnlyList<string> CannotDo { get; init; } = [];
}
