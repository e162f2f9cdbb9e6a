using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>
/// Reads the prompts and their categories: declared categories, unique names, a template for each. Two shapes are
/// accepted: IAToolkit 0.75's top-level <c>prompt_categories</c> + <c>prompts</c> list, and 2.x's
/// <c>prompts: {prompt_categories, prompt_list}</c> with its per-prompt keys.
/// </summary>
internal static class PromptReader
{
    /// <summary>The tools of the framework a <c>tool_policy</c> may name besides the company's own.</summary>
    private static readonly string[] s_builtInTools = ["iat_sql_query", "iat_document_search", "iat_generate_excel", "iat_send_email"];

    // Per-prompt keys of IAToolkit 2.x read and named, but without an effect here.
    private static readonly string[] s_unsupportedPromptKeys =
    [
        "execution_mode", "runtime_policy", "output_schema_mode", "output_response_mode", "attachment_mode",
        "attachment_fallback", "attachment_parser_provider",
    ];

    private static readonly string[] s_unsupportedRequestOptions = ["store", "text_verbosity", "prompt_version", "prompt_variant", "telemetry_enabled"];

    /// <summary>Which shape the file uses, and the mapping (the root, or <c>prompts</c>) that holds the categories.</summary>
    public static (IReadOnlyList<PromptCategory> Categories, IReadOnlyList<PromptDefinition> Prompts) Read(
        YamlSection root, LlmSettings llm, IReadOnlyList<ToolDefinition> tools, LoadContext context)
    {
        if (root.Get("prompts") is YamlDotNet.RepresentationModel.YamlMappingNode)
        {
            // The 2.x shape. A top-level prompt_categories as well would be a second, competing list.
            if (root.Get("prompt_categories") is not null)
            {
                root.Warning("prompt_categories", "is ignored: prompts.prompt_categories (the IAToolkit 2.x shape) declares the categories");
            }

            var section = root.Section("prompts")!;
            var categories = ReadCategories(section);
            return (categories, ReadPrompts(section, "prompt_list", categories, llm, tools, context));
        }

        var legacy = ReadCategories(root);
        return (legacy, ReadPrompts(root, "prompts", legacy, llm, tools, context));
    }

    // Categories are names (0.75) or {name, order} mappings (2.x); without an order, their place in the list is it.
    private static List<PromptCategory> ReadCategories(YamlSection owner)
    {
        var categories = new List<PromptCategory>();
        foreach (var (path, item) in owner.List("prompt_categories") ?? [])
        {
            string? name;
            int? order = null;
            if (item is YamlDotNet.RepresentationModel.YamlScalarNode scalar && !YamlScalars.IsNull(scalar))
            {
                name = scalar.Value;
            }
            else if (item is YamlDotNet.RepresentationModel.YamlMappingNode && YamlNodeKinds.AsSection(item, path, owner.Problems) is { } category)
            {
                name = category.String("name", required: true);
                order = category.Integer("order");
            }
            else
            {
                owner.Problems.Error(path, $"must be a category name or a {{name, order}} mapping, not {YamlNodeKinds.Describe(item)}", ProblemCollector.LineOf(item));
                continue;
            }

            name = name?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            if (categories.Any(c => c.Name == name))
            {
                owner.Problems.Warning(path, $"'{name}' is listed twice", ProblemCollector.LineOf(item));
                continue;
            }

            categories.Add(new PromptCategory(name, order ?? categories.Count + 1));
        }

        return categories;
    }

    private static List<PromptDefinition> ReadPrompts(
        YamlSection owner, string key, IReadOnlyList<PromptCategory> categories, LlmSettings llm, IReadOnlyList<ToolDefinition> tools, LoadContext context)
    {
        var prompts = new List<PromptDefinition>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var categoriesKey = owner.Path.Length == 0 ? "prompt_categories" : owner.KeyPath("prompt_categories");
        foreach (var prompt in owner.SectionList(key))
        {
            var category = prompt.String("category", required: true);
            if (category is not null && categories.All(c => c.Name != category))
            {
                prompt.Error("category", $"'{category}' is not declared in {categoriesKey}");
            }

            var name = prompt.String("name", required: true)?.Trim();
            if (name is not null)
            {
                CheckName(prompt, name, seen, context);
            }

            var description = prompt.String("description", required: true);
            var order = prompt.Integer("order");
            var active = prompt.Boolean("active", fallback: true);
            var visible = prompt.Boolean("visible_in_chat", fallback: true);
            var fields = ReadCustomFields(prompt);
            var model = ReadModel(prompt, llm);
            var reasoning = ReadRequestOptions(prompt);
            var schema = ReadOutputSchema(prompt);
            var toolNames = ReadToolPolicy(prompt, tools);
            foreach (var unsupported in s_unsupportedPromptKeys)
            {
                if (prompt.Get(unsupported) is not null)
                {
                    prompt.Warning(unsupported, "is an IAToolkit 2.x prompt setting this framework does not support yet; it is ignored");
                }
            }

            if (category is not null && name is not null && description is not null)
            {
                prompts.Add(new PromptDefinition
                {
                    Category = category,
                    Name = name,
                    Description = description,
                    Order = order,
                    Active = active,
                    VisibleInChat = visible,
                    LlmModel = model,
                    ReasoningEffort = reasoning,
                    OutputSchema = schema,
                    ToolNames = toolNames,
                    CustomFields = fields,
                });
            }
        }

        return prompts;
    }

    /// <summary><c>llm_model</c>: one of the company's models, in the configured spelling.</summary>
    private static string? ReadModel(YamlSection prompt, LlmSettings llm)
    {
        var model = prompt.String("llm_model")?.Trim();
        if (string.IsNullOrEmpty(model) || llm.Model.Length == 0)
        {
            return null;
        }

        var allowed = Assistant.Llm.ModelChoice.Allowed(llm);
        var match = allowed.FirstOrDefault(m => string.Equals(m, model, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            prompt.Error("llm_model", $"'{model}' is not one of the company's models: {string.Join(", ", allowed)} (llm.model and llm.available_models)");
        }

        return match;
    }

    private static ReasoningLevel? ReadRequestOptions(YamlSection prompt)
    {
        if (prompt.Section("llm_request_options") is not { } options)
        {
            return null;
        }

        foreach (var unsupported in s_unsupportedRequestOptions)
        {
            if (options.Get(unsupported) is not null)
            {
                options.Warning(unsupported, "is an IAToolkit 2.x request option this framework does not support yet; it is ignored");
            }
        }

        return ConfigurationEnums.ReasoningLevels.Read(options, "reasoning_effort");
    }

    /// <summary><c>output_schema</c>: a JSON schema (a mapping with a <c>type</c> or <c>properties</c>).</summary>
    private static System.Text.Json.JsonElement? ReadOutputSchema(YamlSection prompt)
    {
        if (prompt.Get("output_schema") is not { } node)
        {
            return null;
        }

        if (node is not YamlDotNet.RepresentationModel.YamlMappingNode)
        {
            prompt.Error("output_schema", $"must be a JSON schema written as a mapping, not {YamlNodeKinds.Describe(node)}");
            return null;
        }

        var schema = YamlJson.ToElement(node);
        if (!schema.TryGetProperty("type", out _) && !schema.TryGetProperty("properties", out _))
        {
            prompt.Error("output_schema", "must be a JSON schema: it needs a type (such as object) or properties");
            return null;
        }

        return schema;
    }

    /// <summary><c>tool_policy</c>: <c>mode: inherit</c> (every tool, the default) or <c>explicit</c> with <c>tool_names</c>.</summary>
    private static List<string>? ReadToolPolicy(YamlSection prompt, IReadOnlyList<ToolDefinition> tools)
    {
        if (prompt.Section("tool_policy") is not { } policy)
        {
            return null;
        }

        var mode = policy.String("mode")?.Trim().ToLowerInvariant() ?? "inherit";
        var names = policy.StringList("tool_names") ?? [];
        if (mode == "inherit")
        {
            return null;
        }

        if (mode != "explicit")
        {
            policy.Error("mode", $"'{mode}' is not one of inherit, explicit");
            return null;
        }

        var known = s_builtInTools.Concat(tools.Select(t => t.FunctionName)).ToHashSet(StringComparer.Ordinal);
        var kept = new List<string>();
        foreach (var name in names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal))
        {
            if (known.Contains(name))
            {
                kept.Add(name);
            }
            else
            {
                policy.Warning("tool_names", $"'{name}' is no tool of this company (built-in: {string.Join(", ", s_builtInTools)}; or its tools[]); it is left out");
            }
        }

        return kept;
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
