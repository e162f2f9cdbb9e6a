using MimeKit;

namespace IAToolkit.Mail;

/// <summary>
/// One recipient as the mail tool accepts it: a bare <c>local@domain</c> and nothing else. Anything an address
/// parser could read two ways (a display name, quotes, comments, a group, a list, a route, an IP literal, a
/// non-ASCII look-alike, the <c>%</c> and <c>!</c> relay hacks) is refused rather than interpreted, so the domain the
/// policy checks is the domain the mail goes to.
/// </summary>
internal static class RecipientAddress
{
    /// <summary>The canonical address (domain in lower case), or <see langword="null"/> with the reason in <paramref name="problem"/>.</summary>
    public static string? Parse(string? text, out string problem)
    {
        problem = string.Empty;
        var value = text?.Trim(' ') ?? string.Empty;
        if (value.Length == 0)
        {
            problem = "is empty";
            return null;
        }

        if (value.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029'))
        {
            problem = "contains a line break or a control character";
            return null;
        }

        if (value.IndexOfAny([',', ';']) >= 0)
        {
            problem = "names more than one address (',' or ';'); give each address as its own item of 'to'";
            return null;
        }

        if (value.IndexOfAny(['<', '>', '"', '(', ')', ':', '[', ']', '\\']) >= 0 || value.Any(char.IsWhiteSpace))
        {
            problem = "is not a bare address (display names, quotes, comments and groups are not accepted); give it as name@example.com";
            return null;
        }

        if (!value.All(char.IsAscii))
        {
            problem = "has non-ASCII characters; write an internationalised domain in its xn-- form";
            return null;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || !IsLocalPart(value.AsSpan(0, at)))
        {
            problem = "is not an e-mail address (one '@'; before it letters, digits and . _ - + ' only)";
            return null;
        }

        var domain = MailDomain.Normalize(value[(at + 1)..]);
        if (domain is null)
        {
            problem = "does not have a valid domain name after the '@'";
            return null;
        }

        var address = value[..at] + "@" + domain;

        // The address must read the same to MimeKit, which writes the SMTP envelope and the To header.
        if (!MailboxAddress.TryParse(ParserOptions.Default, address, out var mailbox) || mailbox.Address != address || !string.IsNullOrEmpty(mailbox.Name))
        {
            problem = "is not an e-mail address";
            return null;
        }

        return address;
    }

    // A dot-atom of a conservative alphabet: '%' and '!' are left out because some servers still relay
    // "user%other.example@allowed.example" and "other.example!user@allowed.example" to the other domain.
    private static bool IsLocalPart(ReadOnlySpan<char> local)
    {
        if (local.Length is 0 or > 64 || local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in local)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-' or '+' or '\''))
            {
                return false;
            }
        }

        return true;
    }
}
