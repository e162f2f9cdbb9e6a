using System.Globalization;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using MimeKit;

namespace IAToolkit.Mail;

/// <summary>Checks a <see cref="MailMessageSpec"/> before any connection is made; a problem is the caller's (invalid_request).</summary>
internal static class MailMessageCheck
{
    /// <summary>Throws <see cref="ErrorCodes.InvalidRequest"/> naming the first recipient that is not a plain e-mail address.</summary>
    public static void ValidateRecipients(MailMessageSpec message)
    {
        if (message.To is null || message.To.Count == 0)
        {
            throw Invalid("The mail has no recipient: give at least one address in To.");
        }

        foreach (var address in message.To)
        {
            if (string.IsNullOrWhiteSpace(address) || !MailAddresses.IsValid(address.Trim()))
            {
                throw Invalid($"'{address}' is not an e-mail address.");
            }
        }
    }

    /// <summary>Throws <see cref="ErrorCodes.InvalidRequest"/> for a missing subject or body or a bad attachment; no address is named.</summary>
    public static void ValidateContent(MailMessageSpec message)
    {
        if (string.IsNullOrWhiteSpace(message.Subject))
        {
            throw Invalid("The mail has no subject.");
        }

        if (message.Subject.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw Invalid("The subject must be a single line.");
        }

        if (string.IsNullOrWhiteSpace(message.HtmlBody))
        {
            throw Invalid("The mail has no HTML body.");
        }

        CheckAttachments(message.Attachments ?? []);
    }

    private static void CheckAttachments(IReadOnlyList<MailAttachment> attachments)
    {
        long total = 0;
        foreach (var attachment in attachments)
        {
            if (attachment is null || string.IsNullOrWhiteSpace(attachment.FileName))
            {
                throw Invalid("Every attachment needs a file name.");
            }

            if (string.IsNullOrWhiteSpace(attachment.ContentType) || !ContentType.TryParse(attachment.ContentType, out _))
            {
                throw Invalid($"The attachment '{attachment.FileName}' has no valid content type (e.g. application/pdf): '{attachment.ContentType}'.");
            }

            if (attachment.Content.IsEmpty)
            {
                throw Invalid($"The attachment '{attachment.FileName}' is empty.");
            }

            total += attachment.Content.Length;
        }

        if (total > MailMessageSpec.MaxAttachmentBytes)
        {
            throw Invalid(string.Create(
                CultureInfo.InvariantCulture,
                $"The attachments add up to {total / 1024d / 1024d:0.0} MB; one mail may carry at most {MailMessageSpec.MaxAttachmentBytes / 1024 / 1024} MB."));
        }
    }

    private static IAToolkitException Invalid(string message) => new(ErrorCodes.InvalidRequest, message);
}
