using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using YamlDotNet.RepresentationModel;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>
/// Lists the rest of the company folder that later features read: <c>context/*.md</c>, <c>schema/*.yaml</c> (each
/// must parse, its root key is the entity's name) and <c>prompts/*.prompt</c>. Their content is not interpreted here.
/// </summary>
internal static class FolderContentReader
{
    public static IReadOnlyList<string> ContextFiles(LoadContext context) => [.. FileNames(context, "context", "*.md").Select(f => $"context/{f}")];

    public static IReadOnlyList<string> PromptFiles(LoadContext context) => [.. FileNames(context, "prompts", "*.prompt").Select(Path.GetFileNameWithoutExtension).OfType<string>()];

    public static IReadOnlyList<SchemaFile> SchemaFiles(LoadContext context, IReadOnlyCollection<string> databases)
    {
        var files = new List<SchemaFile>();
        foreach (var name in FileNames(context, "schema", "*.yaml"))
        {
            var relative = $"schema/{name}";
            var problems = context.Log.For(context.Display(relative));
            switch (YamlFileReader.ReadRoot(context.PathOf(relative), problems))
            {
                case null:
                    break;
                case YamlMappingNode { Children.Count: > 0 } mapping:
                    var keys = mapping.Children.Keys.Select(k => (k as YamlScalarNode)?.Value ?? k.ToString()).ToList();
                    if (keys.Count > 1)
                    {
                        problems.Warning(string.Empty, $"has {keys.Count} root keys; one is expected (the entity's name), so '{keys[0]}' is used", ProblemCollector.LineOf(mapping));
                    }

                    files.Add(TableFile(name, keys[0], mapping, databases, problems) ?? new SchemaFile(relative, keys[0]));
                    break;
                case var other:
                    problems.Error(string.Empty, $"must be a mapping whose one root key is the entity's name, not {YamlNodeKinds.Describe(other)}", ProblemCollector.LineOf(other));
                    break;
            }
        }

        return files;
    }

    /// <summary>
    /// A 2.x table file (<c>&lt;database&gt;-&lt;table&gt;.yaml</c>, nested: <c>table: {description, columns: {col: {description,
    /// type, …}}}</c>) of one of the company's databases; <see langword="null"/> for any other schema file.
    /// </summary>
    private static SchemaFile? TableFile(string name, string entity, YamlMappingNode mapping, IReadOnlyCollection<string> databases, ProblemCollector problems)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var dash = stem.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || dash == stem.Length - 1)
        {
            return null;
        }

        var database = stem[..dash];
        var table = stem[(dash + 1)..];
        if (!databases.Contains(database, StringComparer.Ordinal))
        {
            problems.Warning(string.Empty, $"is named like a table file (<database>-<table>.yaml) but '{database}' is not one of data_sources.sql; it is read as an additional schema", ProblemCollector.LineOf(mapping));
            return null;
        }

        var body = mapping.Children.First().Value as YamlMappingNode;
        var columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (body is not null && Child(body, "columns") is YamlMappingNode columnNodes)
        {
            foreach (var (key, value) in columnNodes.Children)
            {
                if ((key as YamlScalarNode)?.Value is not { Length: > 0 } column)
                {
                    continue;
                }

                var description = value switch
                {
                    YamlScalarNode scalar => scalar.Value,
                    YamlMappingNode details => ColumnText(details),
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(description))
                {
                    columns[column] = description.Trim();
                }
            }
        }

        return new SchemaFile($"schema/{name}", entity)
        {
            Database = database,
            Table = table,
            Description = body is null ? (mapping.Children.First().Value as YamlScalarNode)?.Value : (Child(body, "description") as YamlScalarNode)?.Value,
            Columns = columns,
        };
    }

    // A column's description, and the top-level fields of a JSON column (properties, items.properties or json_schema).
    private static string? ColumnText(YamlMappingNode details)
    {
        var description = (Child(details, "description") as YamlScalarNode)?.Value?.Trim();
        var structure = Child(details, "json_schema") as YamlMappingNode ?? details;
        var properties = Child(structure, "properties") as YamlMappingNode
            ?? (Child(structure, "items") is YamlMappingNode items ? Child(items, "properties") as YamlMappingNode : null);
        if (properties is null || properties.Children.Count == 0)
        {
            return description;
        }

        var fields = string.Join(", ", properties.Children.Keys.Select(k => (k as YamlScalarNode)?.Value).OfType<string>());
        return string.IsNullOrEmpty(description) ? $"JSON with {fields}" : $"{description} (JSON with {fields})";
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key)
        => mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static IEnumerable<string> FileNames(LoadContext context, string folder, string pattern)
    {
        var path = context.PathOf(folder);
        return Directory.Exists(path)
            ? Directory.EnumerateFiles(path, pattern, SearchOption.TopDirectoryOnly).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : [];
    }
}
