using System.Net.Mail;

namespace IAToolkit.Companies.Configuration;

/// <summary>Checks the e-mail addresses company.yaml gives (sender, feedback destination).</summary>
internal static class MailAddresses
{
    public static bool IsValid(string text)
        => MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('@', StringComparison.Ordinal);
}
