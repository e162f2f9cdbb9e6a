using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using YamlDotNet.RepresentationModel;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>Names node kinds in messages and checks that a list item is a mapping.</summary>
internal static class YamlNodeKinds
{
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar when YamlScalars.IsNull(scalar) => "empty",
        _ => "a single value",
    };

    /// <summary>The value under a key of a mapping read as free JSON (tool parameters), however the key is quoted.</summary>
    public static YamlNode? Child(YamlMappingNode mapping, string key)
        => mapping.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: var name } && name == key).Value;

    /// <summary>The item as a section, or <see langword="null"/> (with an error) when it is not a mapping.</summary>
    public static YamlSection? AsSection(YamlNode item, string path, ProblemCollector problems, bool freeForm = false)
    {
        if (item is YamlMappingNode mapping)
        {
            return new YamlSection(mapping, path, problems, freeForm);
        }

        problems.Error(path, $"must be a mapping (key: value lines), not {Describe(item)}", ProblemCollector.LineOf(item));
        return null;
    }
}
