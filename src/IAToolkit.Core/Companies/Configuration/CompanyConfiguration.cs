using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>
/// A company folder's <c>config/company.yaml</c>, parsed and validated, plus the files of the folder that later
/// features read (help files, context, schema, prompts). Immutable. Secrets are never held: only the names of the
/// variables that hold them (see <see cref="VariableReference"/> and <see cref="CompanySecrets"/>).
/// </summary>
internal sealed record CompanyConfiguration
{
    /// <summary><c>id</c>: equals the short name the company is registered with.</summary>
    public required string Id { get; init; }

    /// <summary><c>name</c>: the display name.</summary>
    public required string Name { get; init; }

    /// <summary><c>locale</c>, e.g. <c>es_ES</c>; its language part selects en or es texts.</summary>
    public string Locale { get; init; } = "en_US";

    /// <summary>
    /// Whether company.yaml names a <c>locale</c>: only then does it decide the pages' language over the browser's
    /// <c>Accept-Language</c> (an absent key means "whatever the reader's browser asks for").
    /// </summary>
    public bool HasLocale { get; init; }

    /// <summary><c>description</c>: what the company does and what its assistant is for, shown on the default home page.</summary>
    public string? Description { get; init; }

    /// <summary>The language part of <see cref="Locale"/>, lower case, e.g. <c>es</c> for <c>es_ES</c>.</summary>
    public string Language => Locale.Split('_', '-')[0].ToLowerInvariant();

    /// <summary><c>llm</c>: the chat model and where its key is.</summary>
    public LlmSettings Llm { get; init; } = new();

    /// <summary><c>embedding_provider</c>, or <see langword="null"/> when the section is absent.</summary>
    public EmbeddingSettings? Embedding { get; init; }

    /// <summary><c>data_sources.sql</c>: the company's own databases, reached read-only.</summary>
    public IReadOnlyList<SqlDataSource> SqlDataSources { get; init; } = [];

    /// <summary><c>tools</c>: the company's own tools, run by its <c>HandleRequestAsync</c>.</summary>
    public IReadOnlyList<ToolDefinition> Tools { get; init; } = [];

    /// <summary><c>prompt_categories</c>, in the order the UI shows them.</summary>
    public IReadOnlyList<PromptCategory> PromptCategories { get; init; } = [];

    /// <summary><c>prompts</c>: the predefined prompts, each with its <c>prompts/&lt;name&gt;.prompt</c> file.</summary>
    public IReadOnlyList<PromptDefinition> Prompts { get; init; } = [];

    /// <summary><c>parameters</c>: the keys the framework reads, with their defaults.</summary>
    public CompanyParameters Parameters { get; init; } = new();

    /// <summary>The <c>parameters</c> section as compact JSON, as stored with the company row.</summary>
    public string ParametersJson { get; init; } = "{}";

    /// <summary><c>branding</c>: every key given (colors, font sizes, …) with its value as written.</summary>
    public IReadOnlyDictionary<string, string> Branding { get; init; } = new Dictionary<string, string>();

    /// <summary><c>help_files</c>: the file names, relative to <c>config/</c>.</summary>
    public HelpFiles HelpFiles { get; init; } = new();

    /// <summary>The cards of <c>help_files.onboarding_cards</c>; empty when no file is named.</summary>
    public IReadOnlyList<OnboardingCard> OnboardingCards { get; init; } = [];

    /// <summary>The content of <c>help_files.help_content</c>, or <see langword="null"/> when no file is named.</summary>
    public HelpContent? HelpContent { get; init; }

    /// <summary><c>knowledge_base</c>, or <see langword="null"/> when the section is absent.</summary>
    public KnowledgeBaseSettings? KnowledgeBase { get; init; }

    /// <summary><c>mail_provider</c>, or <see langword="null"/> when the section is absent.</summary>
    public MailSettings? Mail { get; init; }

    /// <summary>The <c>context/*.md</c> files, relative to the company folder, in alphabetical (ordinal) order.</summary>
    public IReadOnlyList<string> ContextFiles { get; init; } = [];

    /// <summary>The <c>schema/*.yaml</c> files, each checked to parse, in alphabetical (ordinal) order.</summary>
    public IReadOnlyList<SchemaFile> SchemaFiles { get; init; } = [];

    /// <summary>The names of the <c>prompts/*.prompt</c> files present (without the extension), in alphabetical order.</summary>
    public IReadOnlyList<string> PromptFiles { get; init; } = [];
}
