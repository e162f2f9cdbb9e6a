using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>The <c>mail_provider</c> section.</summary>
internal sealed record MailSettings
{
    /// <summary><c>provider</c>.</summary>
    public MailProvider Provider { get; init; }

    /// <summary><c>sender_email</c>.</summary>
    public required string SenderEmail { get; init; }

    /// <summary><c>sender_name</c>, when given.</summary>
    public string? SenderName { get; init; }

    /// <summary><c>brevo_mail.brevo_api</c>: the variable that holds the Brevo key (<c>BREVO_API_KEY</c> when not given).</summary>
    public required VariableReference BrevoApiKey { get; init; }

    /// <summary><c>smtplib</c>: the variables that hold the SMTP settings.</summary>
    public required SmtpSettings Smtp { get; init; }

    /// <summary><c>tool</c>: whom the assistant's <c>iat_send_email</c> may write to, its caps and send rates.</summary>
    public MailToolSettings Tool { get; init; } = new();
}
