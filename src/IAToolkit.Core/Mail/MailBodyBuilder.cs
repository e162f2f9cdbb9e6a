using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace IAToolkit.Mail;

/// <summary>
/// Builds a mail's HTML and text bodies side by side, in a simple inline-styled layout. Every value put in is
/// HTML-encoded in the HTML body (sentences too, so nothing inserted can become markup) and kept as is in the text.
/// </summary>
internal sealed class MailBodyBuilder
{
    private const string Paragraph = "margin:0 0 16px 0;";

    // Accented letters and symbols (★) stay readable; markup characters (< > & " ' …) are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private const string Muted = "margin:0 0 12px 0;font-size:13px;color:#52606d;";
    private readonly MailBranding _branding;
    private readonly StringBuilder _html = new();
    private readonly StringBuilder _text = new();

    public MailBodyBuilder(MailBranding branding) => _branding = branding;

    /// <summary>A paragraph: <paramref name="sentence"/> with its <c>{0}</c>, <c>{1}</c> filled by <paramref name="values"/>.</summary>
    public MailBodyBuilder Text(string sentence, params string[] values) => Add(Paragraph, sentence, values);

    /// <summary>A smaller, grey paragraph (link lifetime, "ignore this e-mail").</summary>
    public MailBodyBuilder Note(string sentence, params string[] values) => Add(Muted, sentence, values);

    /// <summary>A button in the brand color, then the plain link for clients that do not show it.</summary>
    public MailBodyBuilder Button(string label, Uri link, string fallback)
    {
        var href = Encode(link.AbsoluteUri);
        _html.Append("<p style=\"margin:24px 0;\"><a href=\"").Append(href)
            .Append("\" style=\"display:inline-block;padding:12px 24px;border-radius:6px;font-weight:bold;text-decoration:none;background-color:")
            .Append(Encode(_branding.Primary)).Append(";color:").Append(Encode(_branding.TextOnPrimary)).Append(";\">")
            .Append(Encode(label)).Append("</a></p>\n");
        _html.Append("<p style=\"").Append(Muted).Append("\">").Append(Encode(fallback)).Append("<br><a href=\"").Append(href)
            .Append("\" style=\"color:").Append(Encode(_branding.Primary)).Append(";word-break:break-all;\">").Append(href).Append("</a></p>\n");
        _text.Append(label).Append(":\n").Append(link.AbsoluteUri).Append("\n\n");
        return this;
    }

    /// <summary>A labelled value, e.g. <c>Rating: ★★★☆☆</c>; line breaks in the value are kept.</summary>
    public MailBodyBuilder Field(string label, string value)
    {
        var lines = value.ReplaceLineEndings("\n").Split('\n');
        _html.Append("<p style=\"").Append(Paragraph).Append("\"><strong>").Append(Encode(label)).Append(":</strong> ")
            .AppendJoin("<br>", lines.Select(Encode)).Append("</p>\n");
        _text.Append(label).Append(": ").AppendJoin("\n", lines).Append("\n\n");
        return this;
    }

    /// <summary>The whole HTML document and the text, with the company name as heading and the signature at the foot.</summary>
    public RenderedMail Build(string language, string subject, string companyName, string signature)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(Encode(language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Append(Encode(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:0;background-color:#f4f5f7;\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background-color:#f4f5f7;padding:24px 0;\"><tr><td align=\"center\">\n")
            .Append("<table role=\"presentation\" width=\"560\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:560px;width:100%;background-color:#ffffff;border-radius:8px;font-family:Arial,Helvetica,sans-serif;color:#1f2933;\">\n")
            .Append("<tr><td style=\"padding:24px 32px;border-bottom:4px solid ").Append(Encode(_branding.Primary)).Append(";font-size:20px;font-weight:bold;\">")
            .Append(Encode(companyName)).Append("</td></tr>\n")
            .Append("<tr><td style=\"padding:24px 32px;font-size:15px;line-height:1.5;\">\n").Append(_html)
            .Append("<p style=\"margin:24px 0 0 0;\">").Append(Encode(signature)).Append("</p>\n</td></tr>\n")
            .Append("</table>\n</td></tr></table>\n</body>\n</html>\n");
        var text = new StringBuilder().Append(_text).Append(signature).Append('\n');
        return new RenderedMail(subject, html.ToString(), text.ToString());
    }

    private MailBodyBuilder Add(string style, string sentence, string[] values)
    {
        _html.Append("<p style=\"").Append(style).Append("\">")
            .Append(MailTexts.Fill(Encode(sentence), values.Select(Encode).ToArray())).Append("</p>\n");
        _text.Append(MailTexts.Fill(sentence, values)).Append("\n\n");
        return this;
    }

    private static string Encode(string value) => Encoder.Encode(value);
}
