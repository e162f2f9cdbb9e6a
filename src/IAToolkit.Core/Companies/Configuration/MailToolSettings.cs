using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>
/// <c>mail_provider.tool</c>: the recipient policy, caps and send rates of the assistant's <c>iat_send_email</c>
/// tool. The framework's own mails (verification, password reset, feedback) are not limited by it.
/// </summary>
internal sealed record MailToolSettings
{
    /// <summary>The defaults: the user and the sender's domain, 5 recipients, 200/20,000 characters, 10 per user and 100 per company an hour.</summary>
    public static MailToolSettings Default(string senderEmail) => new() { AllowedDomains = DomainOf(senderEmail) };

    /// <summary><c>allowed_recipients</c>: <c>self</c>, <c>domains</c> (default) or <c>any</c>.</summary>
    public MailRecipientScope AllowedRecipients { get; init; } = MailRecipientScope.Domains;

    /// <summary><c>allowed_domains</c>, lower-case ASCII (an IDN in its <c>xn--</c> form); default: the domain of <c>sender_email</c>.</summary>
    public IReadOnlyList<string> AllowedDomains { get; init; } = [];

    /// <summary><c>max_recipients</c>: distinct addresses in one mail (default 5).</summary>
    public int MaxRecipients { get; init; } = 5;

    /// <summary><c>max_subject_chars</c> (default 200).</summary>
    public int MaxSubjectChars { get; init; } = 200;

    /// <summary><c>max_body_chars</c> (default 20,000).</summary>
    public int MaxBodyChars { get; init; } = 20_000;

    /// <summary><c>per_user_per_hour</c>: mails one user may have the assistant send in any 60 minutes (default 10).</summary>
    public int PerUserPerHour { get; init; } = 10;

    /// <summary><c>per_company_per_hour</c>: mails the assistant may send for the company in any 60 minutes (default 100).</summary>
    public int PerCompanyPerHour { get; init; } = 100;

    private static string[] DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at > 0 && at < address.Length - 1 ? [address[(at + 1)..].Trim().ToLowerInvariant()] : [];
    }
}
