using System.Globalization;

namespace IAToolkit.Mail;

/// <summary>A domain name in the one form the mail tool compares: lower-case ASCII, an IDN in its <c>xn--</c> form.</summary>
internal static class MailDomain
{
    private static readonly IdnMapping s_idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    /// <summary>The normalized domain, or <see langword="null"/> when it is not a host name with at least two labels.</summary>
    public static string? Normalize(string? domain)
    {
        if (string.IsNullOrWhiteSpace(domain) || domain.Length > 253 || domain.EndsWith('.'))
        {
            return null;
        }

        string ascii;
        try
        {
            ascii = s_idn.GetAscii(domain.Trim()).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }

        var labels = ascii.Split('.');
        if (labels.Length < 2 || labels[^1].All(char.IsAsciiDigit))
        {
            return null;
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' || !label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return null;
            }
        }

        return ascii;
    }
}
