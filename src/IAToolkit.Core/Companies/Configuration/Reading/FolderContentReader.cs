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

    public static IReadOnlyList<SchemaFile> SchemaFiles(LoadContext context)
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

                    files.Add(new SchemaFile(relative, keys[0]));
                    break;
                case var other:
                    problems.Error(string.Empty, $"must be a mapping whose one root key is the entity's name, not {YamlNodeKinds.Describe(other)}", ProblemCollector.LineOf(other));
                    break;
            }
        }

        return files;
    }

    private static IEnumerable<string> FileNames(LoadContext context, string folder, string pattern)
    {
        var path = context.PathOf(folder);
        return Directory.Exists(path)
            ? Directory.EnumerateFiles(path, pattern, SearchOption.TopDirectoryOnly).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : [];
    }
}
