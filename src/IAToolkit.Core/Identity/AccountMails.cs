using IAToolkit.Companies;

namespace IAToolkit.Identity;

/// <summary>The e-mails of the account flows, sent through the company's mail provider.</summary>
internal sealed class AccountMails
{
    public Task<bool> TrySendVerificationAsync(Company company, string email, string firstName, Uri link, string language, CancellationToken cancellationToken)
        => throw new NotSupportedException("wired to the mail service in the next commit");

    public Task<bool> TrySendPasswordResetAsync(Company company, string email, string firstName, Uri link, string language, CancellationToken cancellationToken)
        => throw new NotSupportedException("wired to the mail service in the next commit");
}
