using IAToolkit;

namespace SampleCompany;

/// <summary>The demo company: a small trading company whose sales database and documents the assistant can use.</summary>
public sealed class SampleCompany : CompanyBase
{
    /// <summary>Describes a user the way the company's HR system would; every value becomes a prompt variable.</summary>
    public override Task<CompanyUserInfo> GetUserInfoAsync(string userIdentifier, CompanyRequestContext context, CancellationToken cancellationToken)
        => Task.FromResult(new CompanyUserInfo
        {
            UserIdentifier = userIdentifier,
            Email = userIdentifier.Contains('@', StringComparison.Ordinal) ? userIdentifier : null,
            FullName = null,
            Extras = new Dictionary<string, object?> { ["department"] = "sales" },
        });
}
