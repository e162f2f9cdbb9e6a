using System.Net.Mail;
using System.Text.RegularExpressions;

namespace IAToolkit.Identity;

/// <summary>What a valid e-mail, name and password look like.</summary>
internal static partial class AccountRules
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinimumPasswordLength = 8;

    /// <summary>The longest password accepted (hashing a huge one would be a cheap denial of service).</summary>
    public const int MaximumPasswordLength = 128;

    /// <summary>The longest e-mail address accepted.</summary>
    public const int MaximumEmailLength = 254;

    /// <summary>Trims and lower-cases an e-mail address, or returns <see langword="null"/> when it is not one.</summary>
    public static string? NormalizeEmail(string? email)
    {
        var text = email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text) || text.Length > MaximumEmailLength || !EmailShape().IsMatch(text))
        {
            return null;
        }

        return MailAddress.TryCreate(text, out var address) && address.Address == text ? text : null;
    }

    /// <summary>Whether a first or last name is acceptable: letters (any script), spaces, apostrophes, dots, hyphens.</summary>
    public static bool IsValidName(string? name) => name is not null && NameShape().IsMatch(name.Trim());

    /// <summary>Whether a password meets the policy: length, upper and lower case, a digit and a symbol.</summary>
    public static bool IsStrongPassword(string? password)
        => password is { Length: >= MinimumPasswordLength and <= MaximumPasswordLength }
            && password.Any(char.IsUpper)
            && password.Any(char.IsLower)
            && password.Any(char.IsDigit)
            && password.Any(c => !char.IsLetterOrDigit(c) && !char.IsWhiteSpace(c));

    [GeneratedRegex(@"^[^\s@<>()\[\],;:""\\]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^[\p{L}\p{M}](?:[\p{L}\p{M} '’.\-]{0,48}[\p{L}\p{M}.])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();
}
