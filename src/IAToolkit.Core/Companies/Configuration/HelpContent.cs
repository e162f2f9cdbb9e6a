using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>The help modal's content (the help content file).</summary>
internal sealed record HelpContent
{
    /// <summary><c>example_questions</c>, grouped by category.</summary>
    public IReadOnlyList<HelpExampleQuestions> ExampleQuestions { get; init; } = [];

    /// <summary><c>data_sources</c>: what data the assistant knows about.</summary>
    public IReadOnlyList<HelpDataSource> DataSources { get; init; } = [];

    /// <summary><c>best_practices</c> for asking good questions.</summary>
    public IReadOnlyList<HelpBestPractice> BestPractices { get; init; } = [];

    /// <summary><c>capabilities</c>: what the assistant can and cannot do.</summary>
    public HelpCapabilities Capabilities { get; init; } = new();
}
