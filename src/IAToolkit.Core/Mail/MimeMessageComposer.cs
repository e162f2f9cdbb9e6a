using MimeKit;

namespace IAToolkit.Mail;

/// <summary>Turns a delivery into the MIME message SMTP sends: HTML plus optional text alternative, and the attachments.</summary>
internal static class MimeMessageComposer
{
    public static MimeMessage Compose(MailDelivery delivery)
    {
        var spec = delivery.Message;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(delivery.SenderName, delivery.SenderEmail));
        foreach (var address in spec.To)
        {
            message.To.Add(new MailboxAddress(string.Empty, address.Trim()));
        }

        message.Subject = spec.Subject;
        var body = new BodyBuilder { HtmlBody = spec.HtmlBody, TextBody = spec.TextBody };
        foreach (var attachment in spec.Attachments)
        {
            var part = body.Attachments.Add(attachment.FileName, attachment.Content.ToArray(), ContentType.Parse(attachment.ContentType));
            if (part is MimePart mime)
            {
                // Base64 for every file: a text/* part sent as 7bit or quoted-printable has its line ends made CRLF.
                mime.ContentTransferEncoding = ContentEncoding.Base64;
            }
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
