using System.Globalization;
using System.Text.Json;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Mail;

namespace IAToolkit.Assistant.Tools;

/// <summary>
/// Checks one <c>iat_send_email</c> call against the company's <c>mail_provider.tool</c> before anything is sent:
/// the arguments, every recipient (a bare address, inside the policy), the caps. The model is the one asking, and a
/// prompt-injected model is an attacker: the whole call is refused on the first problem, never sent in part.
/// </summary>
internal static class SendEmailPolicy
{
    private static readonly string[] s_arguments = ["to", "subject", "body"];

    /// <summary>The mail to send: canonical, distinct recipients, the subject and the body.</summary>
    public static (IReadOnlyList<string> To, string Subject, string Body) Check(JsonElement arguments, MailToolSettings settings, CompanyUserInfo user)
    {
        if (arguments.ValueKind == JsonValueKind.Object
            && arguments.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !s_arguments.Contains(n, StringComparer.Ordinal)) is { } extra)
        {
            throw Refuse("unknown_argument", $"iat_send_email takes only to, subject and body; '{Shorten(extra)}' is not accepted (there is no cc, bcc or other header: every recipient goes in 'to'). Nothing was sent.");
        }

        var to = Recipients(arguments, settings);
        CheckPolicy(to, settings, user);
        return (to, Subject(arguments, settings), Body(arguments, settings));
    }

    private static List<string> Recipients(JsonElement arguments, MailToolSettings settings)
    {
        JsonElement[] items = arguments.TryGetProperty("to", out var to)
            ? to.ValueKind switch
            {
                JsonValueKind.Array => [.. to.EnumerateArray()],
                JsonValueKind.String => [to],
                _ => [],
            }
            : [];
        if (items.Length == 0)
        {
            throw Refuse("no_recipient", "The argument 'to' is required: a list of one or more e-mail addresses.");
        }

        var distinct = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Length; i++)
        {
            var text = items[i].ValueKind == JsonValueKind.String ? items[i].GetString() : null;
            if (text is null)
            {
                throw Refuse("malformed_recipient", $"to[{i}] must be a string holding one e-mail address.");
            }

            var address = RecipientAddress.Parse(text, out var problem)
                ?? throw Refuse("malformed_recipient", $"to[{i}] '{Shorten(text)}' {problem}. Nothing was sent.");
            if (seen.Add(address))
            {
                distinct.Add(address);
            }

            if (distinct.Count > settings.MaxRecipients)
            {
                throw Refuse("too_many_recipients", $"One mail may have at most {settings.MaxRecipients} recipients; this one has more. Nothing was sent.");
            }
        }

        return distinct;
    }

    private static void CheckPolicy(List<string> to, MailToolSettings settings, CompanyUserInfo user)
    {
        if (settings.AllowedRecipients == MailRecipientScope.Any)
        {
            return;
        }

        var self = RecipientAddress.Parse(user.Email, out _);
        var refused = to.Where(address => !Allowed(address, self, settings)).ToList();
        if (refused.Count == 0)
        {
            return;
        }

        var who = settings.AllowedRecipients == MailRecipientScope.Self || settings.AllowedDomains.Count == 0
            ? "only to the address of the user who asks"
            : $"only to the address of the user who asks and to addresses at {string.Join(", ", settings.AllowedDomains)}";
        var yours = self is null ? " (this user has no known e-mail address)" : string.Empty;
        throw Refuse("recipient_not_allowed", $"The assistant may send mail {who}{yours}; not to {string.Join(", ", refused.Take(5).Select(Shorten))}. Nothing was sent.");
    }

    // Exact matches only: the domain part (already lower-case ASCII) equals an allowed domain, not ends with it.
    private static bool Allowed(string address, string? self, MailToolSettings settings)
    {
        if (self is not null && string.Equals(address, self, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var domain = address[(address.LastIndexOf('@') + 1)..];
        return settings.AllowedRecipients == MailRecipientScope.Domains && settings.AllowedDomains.Contains(domain, StringComparer.Ordinal);
    }

    private static string Subject(JsonElement arguments, MailToolSettings settings)
    {
        var subject = Text(arguments, "subject");
        if (subject.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029'))
        {
            throw Refuse("subject_not_one_line", "The subject must be one line, without line breaks, tabs or control characters. Nothing was sent.");
        }

        if (subject.Length > settings.MaxSubjectChars)
        {
            throw Refuse("subject_too_long", Over("subject", subject.Length, settings.MaxSubjectChars));
        }

        return subject;
    }

    private static string Body(JsonElement arguments, MailToolSettings settings)
    {
        var body = Text(arguments, "body");
        if (body.Length > settings.MaxBodyChars)
        {
            throw Refuse("body_too_long", Over("body", body.Length, settings.MaxBodyChars));
        }

        if (body.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
        {
            throw Refuse("body_control_character", "The body has a control character (other than tab and line breaks). Nothing was sent.");
        }

        return body;
    }

    private static string Text(JsonElement arguments, string name)
        => arguments.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw Refuse("missing_" + name, $"The argument '{name}' is required and must be a non-empty string. Nothing was sent.");

    private static string Over(string what, int length, int max)
        => string.Create(CultureInfo.InvariantCulture, $"The {what} has {length:N0} characters; at most {max:N0} are allowed. Nothing was sent.");

    // A hostile value is shown to the model, and recorded, in part: enough to recognize, never a flood.
    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static SendEmailRefusal Refuse(string rule, string message) => new(ErrorCodes.MailNotAllowed, rule, message);
}
