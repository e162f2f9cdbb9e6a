using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>Reads <c>prompt_categories</c> and <c>prompts</c>: declared categories, unique names, a template for each.</summary>
internal static class PromptReader
{
    public static IReadOnlyList<PromptCategory> ReadCategories(YamlSection root)
    {
        var names = root.StringList("prompt_categories") ?? [];
        var categories = new List<PromptCategory>();
        for (var i = 0; i < names.Count; i++)
        {
            if (categories.Any(c => c.Name == names[i]))
            {
                root.Problems.Warning($"prompt_categories[{i}]", $"'{names[i]}' is listed twice", root.LineOf("prompt_categories"));
                continue;
            }

            categories.Add(new PromptCategory(names[i], i + 1));
        }

        return categories;
    }

    public static IReadOnlyList<PromptDefinition> ReadPrompts(YamlSection root, IReadOnlyList<PromptCategory> categories, LoadContext context)
    {
        var prompts = new List<PromptDefinition>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var prompt in root.SectionList("prompts"))
        {
            var category = prompt.String("category", required: true);
            if (category is not null && categories.All(c => c.Name != category))
            {
                prompt.Error("category", $"'{category}' is not declared in prompt_categories");
            }

            var name = prompt.String("name", required: true)?.Trim();
            if (name is not null)
            {
                CheckName(prompt, name, seen, context);
            }

            var description = prompt.String("description", required: true);
            var order = prompt.Integer("order");
            var active = prompt.Boolean("active", fallback: true);
            var fields = ReadCustomFields(prompt);
            if (category is not null && name is not null && description is not null)
            {
                prompts.Add(new PromptDefinition
                {
                    Category = category,
                    Name = name,
                    Description = description,
                    Order = order,
                    Active = active,
                    CustomFields = fields,
                });
            }
        }

        return prompts;
    }

    private static void CheckName(YamlSection prompt, string name, Dictionary<string, string> seen, LoadContext context)
    {
        if (!LoadContext.IsPlainFileName(name + ".prompt"))
        {
            prompt.Error("name", $"'{name}' must be a plain name (it names prompts/<name>.prompt), without folders");
            return;
        }

        if (!seen.TryAdd(name, prompt.Path))
        {
            prompt.Error("name", $"'{name}' is already the name of {seen[name]}; prompt names must be unique");
        }

        if (!File.Exists(context.PathOf(Path.Combine("prompts", name + ".prompt"))))
        {
            prompt.Error("name", $"needs prompts/{name}.prompt, which does not exist");
        }
    }

    private static List<PromptCustomField> ReadCustomFields(YamlSection prompt)
    {
        var fields = new List<PromptCustomField>();
        foreach (var field in prompt.SectionList("custom_fields"))
        {
            var dataKey = field.String("data_key", required: true)?.Trim();
            var label = field.String("label", required: true);
            var type = field.String("type")?.Trim();
            if (dataKey is not null && fields.Any(f => f.DataKey == dataKey))
            {
                field.Error("data_key", $"'{dataKey}' is already used by another field of this prompt");
            }

            if (dataKey is not null && label is not null)
            {
                fields.Add(new PromptCustomField { DataKey = dataKey, Label = label, Type = string.IsNullOrEmpty(type) ? "text" : type });
            }
        }

        return fields;
    }
}
