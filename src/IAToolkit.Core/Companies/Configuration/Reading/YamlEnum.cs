using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>A closed set of values as company.yaml spells them (case ignored) and the enum each one maps to.</summary>
internal sealed class YamlEnum<T>
    where T : struct, Enum
{
    private readonly (string Name, T Value)[] _values;

    public YamlEnum(params (string Name, T Value)[] values) => _values = values;

    public string Allowed => string.Join(", ", _values.Select(v => v.Name));

    public string NameOf(T value) => _values.First(v => EqualityComparer<T>.Default.Equals(v.Value, value)).Name;

    /// <summary>The value <paramref name="text"/> spells (case and outer spaces ignored); <see langword="null"/> when none does.</summary>
    public T? Find(string text)
    {
        foreach (var (name, value) in _values)
        {
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The value, or <see langword="null"/> when absent (reported when <paramref name="required"/>) or not allowed (reported).</summary>
    public T? Read(YamlSection section, string key, bool required = false)
    {
        var text = section.String(key, required);
        if (text is null)
        {
            return null;
        }

        if (Find(text) is { } found)
        {
            return found;
        }

        section.Error(key, $"'{text}' is not one of {Allowed}");
        return null;
    }
}
