using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>One card of the onboarding carousel (an entry of the onboarding cards file).</summary>
internal sealed record OnboardingCard
{
    /// <summary><c>icon</c>: a Font Awesome class such as <c>fas fa-database</c>; empty when not given.</summary>
    public string Icon { get; init; } = string.Empty;

    /// <summary><c>title</c>.</summary>
    public required string Title { get; init; }

    /// <summary><c>text</c>.</summary>
    public required string Text { get; init; }

    /// <summary><c>example</c>: a question to try, when given.</summary>
    public string? Example { get; init; }
}
