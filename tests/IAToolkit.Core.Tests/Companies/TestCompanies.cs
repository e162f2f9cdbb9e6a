using System.CommandLine;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Core.Tests.Companies;

internal sealed class AcmeCompany : CompanyBase;

internal sealed class GlobexCompany : CompanyBase
{
    public override IEnumerable<Command> GetCommands(CompanyRequestContext context) => [new Command("globex-report", "A company verb.")];
}
