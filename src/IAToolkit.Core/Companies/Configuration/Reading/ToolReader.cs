using System.Text.Json;
using System.Text.RegularExpressions;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using YamlDotNet.RepresentationModel;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>Reads <c>tools</c>: names the LLM APIs accept, not reserved, unique; parameters an object JSON Schema.</summary>
internal static partial class ToolReader
{
    private const string ReservedPrefix = "iat_";

    public static IReadOnlyList<ToolDefinition> Read(YamlSection root)
    {
        var tools = new List<ToolDefinition>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tool in root.SectionList("tools"))
        {
            var name = tool.String("function_name", required: true)?.Trim();
            if (name is not null)
            {
                CheckName(tool, name, seen);
            }

            var description = tool.String("description", required: true);
            var parameters = ReadParameters(tool);
            if (name is not null && description is not null && parameters is { } schema)
            {
                tools.Add(new ToolDefinition { FunctionName = name, Description = description, Parameters = schema });
            }
        }

        return tools;
    }

    private static void CheckName(YamlSection tool, string name, Dictionary<string, string> seen)
    {
        if (!NamePattern().IsMatch(name))
        {
            tool.Error("function_name", $"'{name}' must be 1 to 64 letters, digits, _ or - (what the LLM APIs accept)");
        }
        else if (name.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase))
        {
            tool.Error("function_name", $"'{name}' starts with {ReservedPrefix}, which is reserved for the built-in tools");
        }
        else if (!seen.TryAdd(name, tool.Path))
        {
            tool.Error("function_name", $"'{name}' is already the name of {seen[name]}; tool names must be unique");
        }
    }

    private static JsonElement? ReadParameters(YamlSection tool)
    {
        var node = tool.Get("params");
        if (node is null)
        {
            tool.Missing("params");
            return null;
        }

        var valid = node is YamlMappingNode schema
            && YamlNodeKinds.Child(schema, "type") is YamlScalarNode { Value: "object" };
        if (!valid)
        {
            tool.Error("params", "must be a JSON Schema object with type: object");
            return null;
        }

        var mapping = (YamlMappingNode)node;
        valid &= CheckChild<YamlMappingNode>(tool, mapping, "properties", "a mapping of argument names to their schemas");
        valid &= CheckChild<YamlSequenceNode>(tool, mapping, "required", "a list of argument names");
        if (!valid)
        {
            return null;
        }

        try
        {
            return YamlJson.ToElement(node);
        }
        catch (InvalidDataException ex)
        {
            tool.Error("params", ex.Message);
            return null;
        }
    }

    private static bool CheckChild<TNode>(YamlSection tool, YamlMappingNode schema, string key, string expected)
        where TNode : YamlNode
    {
        var child = YamlNodeKinds.Child(schema, key);
        if (child is null || YamlScalars.IsNull(child) || child is TNode)
        {
            return true;
        }

        tool.Problems.Error($"{tool.KeyPath("params")}.{key}", $"must be {expected}, not {YamlNodeKinds.Describe(child)}", ProblemCollector.LineOf(child));
        return false;
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
