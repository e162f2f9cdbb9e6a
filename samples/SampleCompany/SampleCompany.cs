using System.CommandLine;
using IAToolkit;
using SampleCompany.SampleData;
using SampleCompany.SampleData.Documents;

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

    /// <summary>
    /// Adds <c>populate-sample-db</c>, which creates and fills the sales database the assistant queries, and
    /// <c>generate-sample-documents</c>, which writes the contracts and supplier manuals of its knowledge base.
    /// </summary>
    public override IEnumerable<Command> GetCommands(CompanyRequestContext context)
        => [new PopulateSampleDbVerb(context).Build(), new GenerateSampleDocumentsVerb(context).Build()];
}
