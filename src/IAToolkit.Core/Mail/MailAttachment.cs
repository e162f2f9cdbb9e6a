namespace IAToolkit.Mail;

/// <summary>A file attached to a <see cref="MailMessageSpec"/>.</summary>
/// <param name="FileName">The name the recipient sees, e.g. <c>report.xlsx</c>.</param>
/// <param name="ContentType">The MIME type, e.g. <c>application/pdf</c>; <c>application/octet-stream</c> when unsure.</param>
/// <param name="Content">The file's bytes.</param>
internal sealed record MailAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content);
