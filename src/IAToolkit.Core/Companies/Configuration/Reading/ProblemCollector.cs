using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using YamlDotNet.RepresentationModel;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>
/// Collects the problems of one file, the mappings read from it (to warn about unknown keys once everything is
/// read) and the variables it names (to warn about those not set).
/// </summary>
internal sealed class ProblemCollector
{
    private readonly List<ConfigurationProblem> _sink;
    private readonly List<YamlSection> _sections = [];
    private readonly List<(VariableReference Variable, int Line)> _variables = [];

    public ProblemCollector(string file, List<ConfigurationProblem> sink)
    {
        File = file;
        _sink = sink;
    }

    /// <summary>The file as shown in messages, e.g. <c>companies/acme/config/company.yaml</c>.</summary>
    public string File { get; }

    public IReadOnlyList<(VariableReference Variable, int Line)> Variables => _variables;

    public static int LineOf(YamlNode node) => (int)Math.Clamp(node.Start.Line, 1, int.MaxValue);

    public void Error(string keyPath, string message, int? line)
        => _sink.Add(new ConfigurationProblem(ProblemSeverity.Error, File, keyPath, message, line));

    public void Warning(string keyPath, string message, int? line)
        => _sink.Add(new ConfigurationProblem(ProblemSeverity.Warning, File, keyPath, message, line));

    public void Track(YamlSection section) => _sections.Add(section);

    public void AddVariable(VariableReference variable, int line) => _variables.Add((variable, line));

    /// <summary>Warns about every key no reader asked for, suggesting a known key within two edits.</summary>
    public void ReportUnknownKeys()
    {
        foreach (var section in _sections)
        {
            foreach (var (key, line) in section.UnknownKeys())
            {
                if (Unsupported2xKeys.Describe(section.KeyPath(key)) is { } unsupported)
                {
                    Warning(section.KeyPath(key), unsupported, line);
                    continue;
                }

                var suggestion = KeySuggestion.Closest(key, section.KnownKeys);
                var hint = suggestion is null ? string.Empty : $" (did you mean {section.KeyPath(suggestion)}?)";
                Warning(section.KeyPath(key), "is not a known key" + hint, line);
            }
        }
    }
}
