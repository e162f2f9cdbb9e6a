namespace IAToolkit.Mail;

/// <summary>
/// One e-mail to send for a company with <see cref="IMailService"/>. The sender is not part of it: it comes from the
/// company's <c>mail_provider</c> (<c>sender_email</c>, <c>sender_name</c>).
/// </summary>
internal sealed record MailMessageSpec
{
    /// <summary>The most the attachments of one message may add up to: 10 MB.</summary>
    public const long MaxAttachmentBytes = 10 * 1024 * 1024;

    /// <summary>The recipients' addresses, at least one, e.g. <c>ana@example.com</c>.</summary>
    public required IReadOnlyList<string> To { get; init; }

    /// <summary>The subject line.</summary>
    public required string Subject { get; init; }

    /// <summary>The HTML body.</summary>
    public required string HtmlBody { get; init; }

    /// <summary>The plain-text body for clients that do not show HTML, when given.</summary>
    public string? TextBody { get; init; }

    /// <summary>The attached files; together at most <see cref="MaxAttachmentBytes"/>.</summary>
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
}
