using System.CommandLine;
using IAToolkit.ApiKeys;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Cli.Verbs;

/// <summary>
/// <c>api-key &lt;company&gt; [--name NAME] [--json]</c>: creates a key and prints exactly one line,
/// <c>IATOOLKIT_API_KEY='…'</c>, so that a script can <c>eval</c> it (or, with <c>--json</c>, one JSON document with
/// the key, its id and prefix); <c>list</c> and <c>revoke</c> manage the keys.
/// </summary>
internal sealed class ApiKeyVerb : Verb
{
    private readonly IServiceProvider _services;
    private readonly Argument<string> _company = new("company") { Description = "The company's short name, e.g. sample_company." };
    private readonly Option<string> _name = new("--name")
    {
        Description = "A name that says who uses the key, e.g. crm (default: default).",
        DefaultValueFactory = _ => "default",
    };

    private readonly Option<bool> _json = new("--json") { Description = "Print the key, its id, name and prefix as JSON." };

    public ApiKeyVerb(IServiceProvider services) => _services = services;

    public override string Name => "api-key";

    public override Command Build()
    {
        var command = new Command(Name, "Create an API key for a company and print it once as IATOOLKIT_API_KEY='...'. 'api-key list' and 'api-key revoke' manage the keys.")
        {
            _company,
            _name,
            _json,
            new ApiKeyListVerb(_services).Build(),
            new ApiKeyRevokeVerb(_services).Build(),
        };
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var company = await ApiKeyCompany.FindAsync(_services, parse.GetRequiredValue(_company), cancellationToken);
        var created = await _services.GetRequiredService<ApiKeyStore>().CreateAsync(company, parse.GetRequiredValue(_name), cancellationToken);

        // stdout holds the key and nothing else; the advice goes to stderr.
        if (parse.GetValue(_json))
        {
            await VerbJson.WriteAsync(parse, new { company = company.ShortName, id = created.Id, name = created.Name, prefix = created.Prefix, key = created.Key });
        }
        else
        {
            await parse.InvocationConfiguration.Output.WriteLineAsync($"IATOOLKIT_API_KEY='{created.Key}'");
        }

        await parse.InvocationConfiguration.Error.WriteLineAsync(
            $"Created API key {created.Id} ('{created.Name}', {created.Prefix}…) for company '{company.ShortName}'. Store it now: it cannot be shown again.");
        return ExitCodes.Success;
    }
}
