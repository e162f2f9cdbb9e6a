using IAToolkit;

namespace CompanyHost;

/// <summary>
/// The company's code: who a user is, and its own tools. Everything else is configuration in companies/company_host/.
/// CompanyBase gives the defaults, so override only what you need: HandleRequestAsync for the tools declared under
/// `tools:` in company.yaml (the default refuses every tool), ConfigureServices for services of your own, GetCommands
/// for verbs of your own (`dotnet CompanyHost.dll company_host-report`).
/// </summary>
public sealed class CompanyHostCompany : CompanyBase
{
    /// <summary>
    /// The profile of a user, e.g. from the HR system; every value becomes a prompt variable. The identifier is the
    /// e-mail address of a user who signed up, or whatever an external login or an API caller sends.
    /// </summary>
    public override Task<CompanyUserInfo> GetUserInfoAsync(string userIdentifier, CompanyRequestContext context, CancellationToken cancellationToken)
        => Task.FromResult(new CompanyUserInfo
        {
            UserIdentifier = userIdentifier,
            Email = userIdentifier.Contains('@', StringComparison.Ordinal) ? userIdentifier : null,
        });
}
