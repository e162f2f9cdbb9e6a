namespace IAToolkit.Mail;

/// <summary>Mail settings of the framework (section <c>IAToolkit:Mail</c>); the companies' own are in company.yaml.</summary>
internal sealed class MailOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:Mail";

    /// <summary>The base address of Brevo's API (default <c>https://api.brevo.com</c>); mail goes to <c>{base}/v3/smtp/email</c>.</summary>
    public string BrevoBaseUrl { get; set; } = "https://api.brevo.com";

    /// <summary>How long one SMTP connection or command, or one Brevo request, may take (default 30 seconds).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
