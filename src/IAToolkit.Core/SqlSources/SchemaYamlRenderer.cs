using System.Text;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IAToolkit.SqlSources;

/// <summary>
/// Renders one <c>schema/*.yaml</c> entity to compact Markdown for the model: <c>### Object `name`</c>, its description,
/// then one line per field, <c>- `field` (type): description</c>, nested fields indented, enum values listed. The root
/// key is the entity; <c>properties</c>, <c>items</c>, <c>oneOf</c>/<c>anyOf</c> with <c>const</c>, <c>enum</c> and
/// <c>additionalProperties</c> are understood. A node of an unexpected shape is rendered as far as it goes, never thrown on.
/// </summary>
internal static class SchemaYamlRenderer
{
    private const int MaxDepth = 12;

    /// <summary>Renders the company's <paramref name="file"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<string> RenderAsync(Company company, SchemaFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(file);
        var text = await File.ReadAllTextAsync(Path.Combine(company.Folder, file.Path), cancellationToken);
        return Render(text);
    }

    /// <summary>Renders the first root key of <paramref name="yaml"/>; an empty string when the text is not a YAML mapping.</summary>
    public static string Render(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            return string.Empty;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode { Children.Count: > 0 } root)
        {
            return string.Empty;
        }

        var (nameNode, entity) = root.Children.First();
        var text = new StringBuilder();
        text.Append("### Object `").Append(Scalar(nameNode) ?? "?").Append("`\n");
        switch (entity)
        {
            case YamlScalarNode scalar when SchemaYamlNodes.OneLine(scalar.Value) is { } description:
                text.Append(description).Append('\n');
                break;
            case YamlMappingNode mapping:
                if (SchemaYamlNodes.OneLine(SchemaYamlNodes.Text(mapping, "description")) is { } rootDescription)
                {
                    text.Append(rootDescription).Append('\n');
                }

                foreach (var (name, node) in SchemaYamlNodes.RootFields(mapping))
                {
                    AppendField(text, name, node, 0);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    AppendField(text, Scalar(item) ?? "?", null, 0);
                }

                break;
        }

        return text.ToString();
    }

    private static void AppendField(StringBuilder text, string? name, YamlNode? node, int depth)
    {
        text.Append(' ', depth * 2).Append(name is null ? "- any other key" : $"- `{name}`");
        if (node is not YamlMappingNode field)
        {
            var value = node switch
            {
                YamlScalarNode scalar => SchemaYamlNodes.OneLine(scalar.Value),
                YamlSequenceNode sequence => SchemaYamlNodes.OneLine(string.Join(", ", sequence.Children.Select(Scalar).OfType<string>())),
                _ => null,
            };
            text.Append(value is null ? "\n" : $": {value}\n");
            return;
        }

        if (SchemaYamlNodes.TypeText(field) is { } type)
        {
            text.Append(" (").Append(type).Append(')');
        }

        var parts = new List<string>(3);
        if (SchemaYamlNodes.OneLine(SchemaYamlNodes.Text(field, "description")) is { } description)
        {
            parts.Add(description);
        }

        if (field.Children.TryGetValue(new YamlScalarNode("items"), out var items) && items is YamlMappingNode itemNode
            && SchemaYamlNodes.OneLine(SchemaYamlNodes.Text(itemNode, "description")) is { } itemDescription)
        {
            parts.Add($"Each item: {itemDescription}");
        }

        if (SchemaYamlNodes.Values(field) is { } values)
        {
            parts.Add($"Values: {values}");
        }

        if (parts.Count > 0)
        {
            text.Append(": ").Append(string.Join(' ', parts.Select((p, i) => i < parts.Count - 1 && !p.EndsWith('.') ? p + "." : p)));
        }

        text.Append('\n');
        if (depth + 1 < MaxDepth)
        {
            foreach (var (childName, child) in SchemaYamlNodes.Children(field))
            {
                AppendField(text, childName, child, depth + 1);
            }
        }
    }

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;
}
