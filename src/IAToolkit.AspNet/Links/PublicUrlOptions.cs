namespace IAToolkit.AspNet.Links;

/// <summary>
/// The public address of the host (section <c>IAToolkit</c>; environment variable <c>IAToolkit__PublicBaseUrl</c>).
/// </summary>
internal sealed class PublicUrlOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit";

    /// <summary>The setting's full configuration key.</summary>
    public const string SettingName = "IAToolkit:PublicBaseUrl";

    /// <summary>The environment variable that sets it.</summary>
    public const string VariableName = "IAToolkit__PublicBaseUrl";

    /// <summary>
    /// The URL users open, e.g. <c>https://assistant.example.com</c> or <c>https://example.com/assistant</c>: the base
    /// of every absolute link the host writes (verification and password-reset mails, external-login links, download
    /// links, the OpenAPI <c>servers</c>). Never taken from the request's <c>Host</c> header. Required outside
    /// Development; in Development it defaults to the address Kestrel listens on.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
