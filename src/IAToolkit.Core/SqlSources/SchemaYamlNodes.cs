using YamlDotNet.RepresentationModel;

namespace IAToolkit.SqlSources;

/// <summary>Reads the JSON-Schema-like keys of a <c>schema/*.yaml</c> field, tolerating any shape (a wrong shape reads as absent).</summary>
internal static class SchemaYamlNodes
{
    // YAML aliases can make a node contain itself; nesting deeper than this is not followed.
    private const int MaxNesting = 8;

    private static readonly string[] s_containers = ["properties", "fields", "columns"];

    /// <summary>The root's fields: every key but <c>description</c> (and a scalar <c>type</c>); a <c>properties</c>, <c>fields</c> or <c>columns</c> mapping that is not itself a field contributes its entries.</summary>
    public static IEnumerable<(string? Name, YamlNode? Node)> RootFields(YamlMappingNode root)
    {
        foreach (var (keyNode, node) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (key == "description" || (key == "type" && node is YamlScalarNode))
            {
                continue;
            }

            if (s_containers.Contains(key) && node is YamlMappingNode container && Get(container, "type") is not YamlScalarNode)
            {
                foreach (var entry in Entries(container))
                {
                    yield return entry;
                }

                continue;
            }

            yield return (key, node);
        }
    }

    /// <summary>
    /// The nested fields of <paramref name="field"/>: its <c>properties</c>, those of its <c>items</c>, and its
    /// <c>additionalProperties</c> (a <see langword="null"/> name stands for "any other key").
    /// </summary>
    public static IEnumerable<(string? Name, YamlNode? Node)> Children(YamlMappingNode field)
    {
        var properties = Get(field, "properties") as YamlMappingNode ?? (Get(field, "items") as YamlMappingNode is { } items ? Get(items, "properties") as YamlMappingNode : null);
        foreach (var entry in properties is null ? [] : Entries(properties))
        {
            yield return entry;
        }

        switch (Get(field, "additionalProperties"))
        {
            case YamlMappingNode additional:
                yield return (null, additional);
                break;
            case YamlScalarNode { Value: "true" }:
                yield return (null, null);
                break;
        }
    }

    /// <summary>The type text: <c>type</c> (a list joins with |), with <c>format</c>, and <c>array of …</c> from <c>items</c>.</summary>
    public static string? TypeText(YamlMappingNode field, int depth = 0)
    {
        if (depth > MaxNesting)
        {
            return null;
        }

        var type = Get(field, "type") switch
        {
            YamlScalarNode scalar => scalar.Value,
            YamlSequenceNode list => string.Join('|', list.Children.OfType<YamlScalarNode>().Select(s => s.Value)),
            _ => Alternatives(field),
        };
        if (Text(field, "format") is { Length: > 0 } format)
        {
            type = type is { Length: > 0 } ? $"{type}, {format}" : format;
        }

        if (Get(field, "items") is YamlMappingNode items && TypeText(items, depth + 1) is { Length: > 0 } itemType)
        {
            type = type is null or "array" ? $"array of {itemType}" : type;
        }

        return string.IsNullOrWhiteSpace(type) ? null : type;
    }

    /// <summary>The allowed values: <c>enum</c>, or the <c>const</c> of each <c>oneOf</c>/<c>anyOf</c> entry with its description (also of <c>items</c>).</summary>
    public static string? Values(YamlMappingNode field, int depth = 0)
    {
        if (depth > MaxNesting)
        {
            return null;
        }

        var values = new List<string>();
        if (Get(field, "enum") is YamlSequenceNode list)
        {
            values.AddRange(list.Children.OfType<YamlScalarNode>().Select(s => $"`{s.Value}`"));
        }

        foreach (var option in Options(field))
        {
            if (Text(option, "const") is { } value)
            {
                values.Add(OneLine(Text(option, "description")) is { } meaning ? $"`{value}` = {meaning}" : $"`{value}`");
            }
        }

        if (values.Count == 0 && Get(field, "items") is YamlMappingNode items)
        {
            return Values(items, depth + 1);
        }

        return values.Count == 0 ? null : string.Join(", ", values);
    }

    /// <summary>The scalar value of <paramref name="key"/>, or <see langword="null"/>.</summary>
    public static string? Text(YamlMappingNode node, string key) => (Get(node, key) as YamlScalarNode)?.Value;

    /// <summary>The value on one line (runs of whitespace become one space), or <see langword="null"/> when blank.</summary>
    public static string? OneLine(string? value)
        => string.IsNullOrWhiteSpace(value) ? null : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? Alternatives(YamlMappingNode field)
    {
        var types = Options(field).Where(o => Get(o, "const") is null).Select(o => TypeText(o, MaxNesting)).OfType<string>().Distinct().ToList();
        return types.Count == 0 ? null : string.Join('|', types);
    }

    private static IEnumerable<YamlMappingNode> Options(YamlMappingNode field)
        => new[] { Get(field, "oneOf"), Get(field, "anyOf") }.OfType<YamlSequenceNode>().SelectMany(s => s.Children).OfType<YamlMappingNode>();

    private static IEnumerable<(string? Name, YamlNode? Node)> Entries(YamlMappingNode mapping)
        => mapping.Children.Select(e => ((string?)((e.Key as YamlScalarNode)?.Value ?? "?"), (YamlNode?)e.Value));

    private static YamlNode? Get(YamlMappingNode node, string key)
        => node.Children.FirstOrDefault(e => e.Key is YamlScalarNode { Value: var name } && name == key).Value;
}
