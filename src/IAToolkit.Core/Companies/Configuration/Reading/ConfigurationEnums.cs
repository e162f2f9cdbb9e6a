using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>The spellings of each closed set of values company.yaml accepts.</summary>
internal static class ConfigurationEnums
{
    public static readonly YamlEnum<LlmProvider> LlmProviders = new(
        ("openai", LlmProvider.OpenAI), ("azure", LlmProvider.Azure), ("openai_compatible", LlmProvider.OpenAICompatible));

    public static readonly YamlEnum<EmbeddingProvider> EmbeddingProviders = new(
        ("openai", EmbeddingProvider.OpenAI), ("azure", EmbeddingProvider.Azure),
        ("huggingface", EmbeddingProvider.HuggingFace), ("local", EmbeddingProvider.Local));

    public static readonly YamlEnum<FeedbackChannel> FeedbackChannels = new(
        ("email", FeedbackChannel.Email), ("google_chat", FeedbackChannel.GoogleChat));

    public static readonly YamlEnum<ConnectorType> ConnectorTypes = new(("local", ConnectorType.Local), ("s3", ConnectorType.S3));

    public static readonly YamlEnum<MailProvider> MailProviders = new(
        ("brevo_mail", MailProvider.BrevoMail), ("smtplib", MailProvider.Smtp),
        // IAToolkit 2.x renamed them.
        ("iatoolkit_mail", MailProvider.BrevoMail), ("smtp", MailProvider.Smtp));

    public static readonly YamlEnum<ReasoningLevel> ReasoningLevels = new(
        ("minimal", ReasoningLevel.Minimal), ("low", ReasoningLevel.Low), ("medium", ReasoningLevel.Medium),
        ("high", ReasoningLevel.High), ("xhigh", ReasoningLevel.ExtraHigh));

    public static readonly YamlEnum<MailRecipientScope> MailRecipientScopes = new(
        ("self", MailRecipientScope.Self), ("domains", MailRecipientScope.Domains), ("any", MailRecipientScope.Any));
}
