using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using YamlDotNet.RepresentationModel;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>
/// Reads one YAML mapping: typed values by key, each problem reported with its key path and line, and every key
/// asked for remembered so that the keys nobody asked for can be reported as unknown.
/// </summary>
internal sealed class YamlSection
{
    private readonly Dictionary<string, (YamlNode Value, int Line)> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);

    public YamlSection(YamlMappingNode node, string path, ProblemCollector problems, bool freeForm = false, int? line = null)
    {
        Path = path;
        Problems = problems;
        Line = line ?? ProblemCollector.LineOf(node);
        foreach (var (key, value) in node.Children)
        {
            var name = key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : key.ToString();
            _entries[name] = (value, ProblemCollector.LineOf(key));
            _order.Add(name);
        }

        if (!freeForm)
        {
            problems.Track(this);
        }
    }

    public string Path { get; }

    public int Line { get; }

    public ProblemCollector Problems { get; }

    public IEnumerable<string> KnownKeys => _asked;

    public string KeyPath(string key) => Path.Length == 0 ? key : Path + "." + key;

    /// <summary>The line of the key's value, or of this mapping when the key is absent (for "is required").</summary>
    public int LineOf(string key) => _entries.TryGetValue(key, out var entry) ? ProblemCollector.LineOf(entry.Value) : Line;

    public void Error(string key, string message) => Problems.Error(KeyPath(key), message, LineOf(key));

    public void Warning(string key, string message) => Problems.Warning(KeyPath(key), message, LineOf(key));

    public void Missing(string key) => Error(key, "is required");

    /// <summary>The value under <paramref name="key"/>; <see langword="null"/> when absent or null (<c>~</c>, empty).</summary>
    public YamlNode? Get(string key)
    {
        _asked.Add(key);
        return _entries.TryGetValue(key, out var entry) && !YamlScalars.IsNull(entry.Value) ? entry.Value : null;
    }

    /// <summary>Every entry in file order, all counted as known: for mappings whose keys are names (tables, sources).</summary>
    public IReadOnlyList<(string Key, YamlNode Value)> Entries()
    {
        _asked.UnionWith(_order);
        return [.. _order.Select(k => (k, _entries[k].Value))];
    }

    public IEnumerable<(string Key, int Line)> UnknownKeys()
        => _order.Where(k => !_asked.Contains(k)).Select(k => (k, _entries[k].Line));

    /// <summary>A single value; blank counts as absent when <paramref name="required"/>.</summary>
    public string? String(string key, bool required = false)
    {
        var node = Get(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key);
            }

            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Error(key, $"must be a single value, not {YamlNodeKinds.Describe(node)}");
            return null;
        }

        var value = scalar.Value ?? string.Empty;
        if (required && value.Trim().Length == 0)
        {
            Missing(key);
            return null;
        }

        return value;
    }

    public bool Boolean(string key, bool fallback)
    {
        if (Scalar(key, "true or false") is not { } scalar)
        {
            return fallback;
        }

        if (YamlScalars.ToBoolean(scalar) is { } value)
        {
            return value;
        }

        Error(key, "must be true or false");
        return fallback;
    }

    public int? Integer(string key)
    {
        if (Scalar(key, "a whole number") is not { } scalar)
        {
            return null;
        }

        if (YamlScalars.ToInteger(scalar) is { } value and >= int.MinValue and <= int.MaxValue)
        {
            return (int)value;
        }

        Error(key, "must be a whole number");
        return null;
    }

    /// <summary>A mapping, located at its key's line; reports a missing one when <paramref name="required"/> and a value of another kind always.</summary>
    public YamlSection? Section(string key, bool required = false, bool freeForm = false)
    {
        var node = Get(key);
        switch (node)
        {
            case null when required:
                Missing(key);
                return null;
            case null:
                return null;
            case YamlMappingNode mapping:
                return new YamlSection(mapping, KeyPath(key), Problems, freeForm, line: _entries[key].Line);
            default:
                Error(key, $"must be a mapping (key: value lines), not {YamlNodeKinds.Describe(node)}");
                return null;
        }
    }

    /// <summary>The mapping, or an empty one (located at the key, or at this mapping) so that defaults apply.</summary>
    public YamlSection SectionOrEmpty(string key)
        => Section(key) ?? new YamlSection(new YamlMappingNode(), KeyPath(key), Problems, freeForm: true, line: LineOf(key));

    /// <summary>A list's items, each with its key path (<c>key[i]</c>); <see langword="null"/> when absent or not a list.</summary>
    public IReadOnlyList<(string Path, YamlNode Item)>? List(string key)
    {
        var node = Get(key);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(key, $"must be a list, not {YamlNodeKinds.Describe(node)}");
            return null;
        }

        return [.. sequence.Children.Select((item, i) => ($"{KeyPath(key)}[{i}]", item))];
    }

    /// <summary>A list of mappings (<c>tools</c>, <c>prompts</c>, …); items of another kind are reported and skipped.</summary>
    public IReadOnlyList<YamlSection> SectionList(string key)
        => [.. (List(key) ?? []).Select(entry => YamlNodeKinds.AsSection(entry.Item, entry.Path, Problems)).OfType<YamlSection>()];

    /// <summary>A list of single values; <see langword="null"/> when absent.</summary>
    public IReadOnlyList<string>? StringList(string key)
    {
        if (List(key) is not { } items)
        {
            return Get(key) is null ? null : [];
        }

        var values = new List<string>();
        foreach (var (path, item) in items)
        {
            if (item is YamlScalarNode scalar && !YamlScalars.IsNull(scalar))
            {
                values.Add(scalar.Value ?? string.Empty);
            }
            else
            {
                Problems.Error(path, $"must be a single value, not {YamlNodeKinds.Describe(item)}", ProblemCollector.LineOf(item));
            }
        }

        return values;
    }

    private YamlScalarNode? Scalar(string key, string expected)
    {
        var node = Get(key);
        if (node is null or YamlScalarNode)
        {
            return (YamlScalarNode?)node;
        }

        Error(key, $"must be {expected}, not {YamlNodeKinds.Describe(node)}");
        return null;
    }
}
