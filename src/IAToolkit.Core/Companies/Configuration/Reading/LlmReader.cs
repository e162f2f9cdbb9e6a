using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>Reads <c>llm</c> and <c>embedding_provider</c>.</summary>
internal static class LlmReader
{
    public static LlmSettings ReadLlm(YamlSection root)
    {
        if (root.Section("llm", required: true) is not { } llm)
        {
            return new LlmSettings();
        }

        var model = llm.String("model", required: true) ?? string.Empty;
        var providerGiven = llm.Get("provider") is not null;
        var provider = ConfigurationEnums.LlmProviders.Read(llm, "provider") ?? LlmProvider.OpenAI;
        if (!providerGiven && model.Contains("gemini", StringComparison.OrdinalIgnoreCase))
        {
            // The Python IAToolkit guessed the provider from the model name; here it is said, so say it for Gemini.
            llm.Warning("model", $"'{model}' is a Gemini model but provider is openai (the default); "
                + "set provider: openai_compatible and base_url: https://generativelanguage.googleapis.com/v1beta/openai/");
        }

        var apiKey = ReadApiKey(llm, provider);
        var needsUrl = provider != LlmProvider.OpenAI;
        var baseUrl = UrlValues.ReadAbsolute(llm, "base_url", needsUrl, $"when provider is {ConfigurationEnums.LlmProviders.NameOf(provider)}");
        var reasoning = ConfigurationEnums.ReasoningLevels.Read(llm, "reasoning_effort");
        var options = ReadAvailableModels(llm);
        return new LlmSettings
        {
            Model = model,
            ApiKey = apiKey,
            Provider = provider,
            BaseUrl = baseUrl,
            AvailableModels = [.. options.Select(o => o.Id)],
            ModelOptions = options,
            ReasoningEffort = reasoning,
        };
    }

    /// <summary>
    /// The key's variable: <c>llm.api-key</c> (0.75), or the chosen provider's entry of <c>llm.provider_api_keys</c>
    /// (2.x: <c>{openai: OPENAI_API_KEY, anthropic: …}</c>). The other providers' entries are read and kept quiet: they
    /// are not used by this company's model.
    /// </summary>
    private static VariableReference? ReadApiKey(YamlSection llm, LlmProvider provider)
    {
        var needed = provider != LlmProvider.OpenAICompatible;
        var keys = llm.Section("provider_api_keys");
        if (keys is null)
        {
            return VariableNames.Read(llm, "api-key", required: needed);
        }

        var name = ConfigurationEnums.LlmProviders.NameOf(provider);
        VariableReference? chosen = null;
        foreach (var (entry, _) in keys.Entries())
        {
            var reference = VariableNames.Read(keys, entry, check: entry == name);
            if (entry == name)
            {
                chosen = reference;
            }
        }

        if (llm.Get("api-key") is not null)
        {
            if (chosen is not null)
            {
                llm.Warning("api-key", $"is ignored: {keys.KeyPath(name)} names the key (the IAToolkit 2.x spelling)");
                return chosen;
            }

            return VariableNames.Read(llm, "api-key", required: needed);
        }

        if (chosen is null && needed && keys.Get(name) is null)
        {
            keys.Error(name, $"is required: the variable that holds the {name} key (llm.provider is {name})");
        }

        return chosen;
    }

    // IAToolkit 2.x lists the models a user may pick as llm.available_models[] {id, label, description, provider,
    // config}; the id says which model a request may name, the rest what the picker shows. config (provider routing)
    // is read without being reported as unknown.
    private static List<ModelOption> ReadAvailableModels(YamlSection llm)
    {
        var ids = new List<ModelOption>();
        foreach (var (path, item) in llm.List("available_models") ?? [])
        {
            string? id, label = null, description = null, provider = null;
            if (item is YamlDotNet.RepresentationModel.YamlScalarNode scalar)
            {
                id = scalar.Value;
            }
            else if (YamlNodeKinds.AsSection(item, path, llm.Problems, freeForm: true) is { } entry)
            {
                id = entry.String("id", required: true);
                label = entry.String("label")?.Trim();
                description = entry.String("description")?.Trim();
                provider = entry.String("provider")?.Trim();
            }
            else
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(id))
            {
                continue;
            }

            if (id.Trim() != id || id.Any(char.IsControl) || id.Length > 200)
            {
                llm.Problems.Error($"{path}.id", "must be a model name without surrounding spaces or control characters, at most 200 characters", ProblemCollector.LineOf(item));
                continue;
            }

            ids.Add(new ModelOption(id, string.IsNullOrEmpty(label) ? id : label, string.IsNullOrEmpty(description) ? null : description, string.IsNullOrEmpty(provider) ? null : provider));
        }

        return ids;
    }

    public static EmbeddingSettings? ReadEmbedding(YamlSection root)
    {
        if (root.Section("embedding_provider") is not { } embedding)
        {
            return null;
        }

        var provider = ConfigurationEnums.EmbeddingProviders.Read(embedding, "provider", required: true);
        var model = embedding.String("model", required: true) ?? string.Empty;

        // A local model runs in process and a public Hugging Face model downloads without a token.
        var needsKey = provider is EmbeddingProvider.OpenAI or EmbeddingProvider.Azure;
        var apiKey = VariableNames.Read(embedding, "api_key_name", required: needsKey);
        var baseUrl = UrlValues.ReadAbsolute(embedding, "base_url", provider == EmbeddingProvider.Azure, "when provider is azure");
        return new EmbeddingSettings { Provider = provider ?? EmbeddingProvider.Local, Model = model, ApiKey = apiKey, BaseUrl = baseUrl };
    }
}
