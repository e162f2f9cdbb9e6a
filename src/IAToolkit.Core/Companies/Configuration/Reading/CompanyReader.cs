using System.Text.RegularExpressions;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>Reads the root of company.yaml, section by section, into a <see cref="CompanyConfiguration"/>.</summary>
internal static partial class CompanyReader
{
    public static CompanyConfiguration Read(YamlSection root, string expectedId, LoadContext context)
    {
        var id = root.String("id", required: true)?.Trim();
        if (id is not null && id != expectedId)
        {
            root.Error("id", $"'{id}' must equal the registered short name '{expectedId}'");
        }

        var name = root.String("name", required: true);
        var locale = root.String("locale")?.Trim();
        if (locale is not null && !LocalePattern().IsMatch(locale))
        {
            root.Warning("locale", $"'{locale}' is not a locale such as en_US or es_ES");
        }

        var description = root.String("description")?.Trim();
        var categories = PromptReader.ReadCategories(root);
        var (parameters, parametersJson) = ParametersReader.Read(root);
        var (helpFiles, cards, helpContent) = HelpFileReader.Read(root, context);
        return new CompanyConfiguration
        {
            Id = id ?? expectedId,
            Name = name ?? string.Empty,
            Locale = string.IsNullOrEmpty(locale) ? "en_US" : locale,
            HasLocale = !string.IsNullOrEmpty(locale),
            Description = string.IsNullOrEmpty(description) ? null : description,
            Llm = LlmReader.ReadLlm(root),
            Embedding = LlmReader.ReadEmbedding(root),
            SqlDataSources = SqlSourceReader.Read(root),
            Tools = ToolReader.Read(root),
            PromptCategories = categories,
            Prompts = PromptReader.ReadPrompts(root, categories, context),
            Parameters = parameters,
            ParametersJson = parametersJson,
            Branding = BrandingReader.Read(root),
            HelpFiles = helpFiles,
            OnboardingCards = cards,
            HelpContent = helpContent,
            KnowledgeBase = KnowledgeBaseReader.Read(root),
            Mail = MailReader.Read(root),
        };
    }

    [GeneratedRegex("^[a-zA-Z]{2,3}([_-][a-zA-Z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalePattern();
}
