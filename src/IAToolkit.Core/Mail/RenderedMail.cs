namespace IAToolkit.Mail;

/// <summary>A mail rendered from one of the <see cref="MailTemplates"/>: ready to address and send.</summary>
/// <param name="Subject">The subject line.</param>
/// <param name="HtmlBody">The HTML body, with every inserted value HTML-encoded.</param>
/// <param name="TextBody">The plain-text body.</param>
internal sealed record RenderedMail(string Subject, string HtmlBody, string TextBody)
{
    /// <summary>The message to give <see cref="IMailService.SendAsync"/>, addressed to <paramref name="to"/>.</summary>
    public MailMessageSpec ToMessage(params string[] to)
        => new() { To = to, Subject = Subject, HtmlBody = HtmlBody, TextBody = TextBody };
}
