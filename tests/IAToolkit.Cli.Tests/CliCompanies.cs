using System.CommandLine;
using IAToolkit.Companies;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Cli.Tests;

internal sealed class AcmeCompany : CompanyBase
{
    public override IEnumerable<Command> GetCommands(CompanyRequestContext context)
    {
        var shout = new Option<bool>("--shout");
        var command = new Command("acme-report", "Prints the companies this host serves.") { shout };
        command.SetAction(async (parse, _) =>
        {
            var names = string.Join(",", context.Services.GetRequiredService<ICompanyCatalog>().Companies.Select(c => c.ShortName));
            await parse.InvocationConfiguration.Output.WriteLineAsync(parse.GetValue(shout) ? names.ToUpperInvariant() : names);
            return 0;
        });
        return [command];
    }
}
