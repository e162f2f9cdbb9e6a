using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary><c>help_files</c>: file names relative to the company's <c>config/</c> folder.</summary>
internal sealed record HelpFiles
{
    /// <summary><c>onboarding_cards</c>, e.g. <c>onboarding_cards.yaml</c>.</summary>
    public string? OnboardingCards { get; init; }

    /// <summary><c>help_content</c>, e.g. <c>help_content.yaml</c>.</summary>
    public string? HelpContent { get; init; }
}
