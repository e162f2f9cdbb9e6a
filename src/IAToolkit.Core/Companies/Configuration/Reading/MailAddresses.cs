using System.Net.Mail;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>Checks the e-mail addresses company.yaml gives (sender, feedback destination).</summary>
internal static class MailAddresses
{
    public static bool IsValid(string text)
        => MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('@', StringComparison.Ordinal);
}
