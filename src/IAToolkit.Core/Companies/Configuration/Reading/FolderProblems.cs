using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>Every problem of one company folder, across its files, and the per-file collectors that report them.</summary>
internal sealed class FolderProblems
{
    private readonly List<ConfigurationProblem> _problems = [];
    private readonly List<ProblemCollector> _files = [];

    /// <summary>A collector for <paramref name="file"/> (as shown in messages); files are reported in the order asked for.</summary>
    public ProblemCollector For(string file)
    {
        var collector = new ProblemCollector(file, _problems);
        _files.Add(collector);
        return collector;
    }

    public void ReportUnknownKeys()
    {
        foreach (var file in _files)
        {
            file.ReportUnknownKeys();
        }
    }

    /// <summary>Warns, naming the key and the variable (never a value), about each named variable that is not set.</summary>
    public void ReportUnsetVariables(CompanySecrets secrets)
    {
        foreach (var file in _files)
        {
            foreach (var (variable, line) in file.Variables.Where(v => !secrets.IsSet(v.Variable.Name)))
            {
                file.Warning(variable.KeyPath, $"names {variable.Name}, which is not set", line);
            }
        }
    }

    /// <summary>The problems grouped by file (in the order the files were read), each file's in line order.</summary>
    public IReadOnlyList<ConfigurationProblem> InFileOrder()
    {
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in _files)
        {
            fileOrder.TryAdd(file.File, fileOrder.Count);
        }

        return [.. _problems
            .OrderBy(p => fileOrder.GetValueOrDefault(p.File, int.MaxValue))
            .ThenBy(p => p.Line ?? 0)];
    }
}
