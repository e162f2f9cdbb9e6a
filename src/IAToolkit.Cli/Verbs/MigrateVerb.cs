using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using IAToolkit.Database;
using IAToolkit.Database.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Cli.Verbs;

/// <summary>
/// <c>migrate [--json]</c>: brings the core database schema up to date and prints what it applied on stdout, its result;
/// the runner logs nothing, so each migration is reported once.
/// </summary>
internal sealed class MigrateVerb : Verb
{
    private readonly IServiceProvider _services;
    private readonly Option<bool> _json = new("--json") { Description = "Print the result as JSON." };

    public MigrateVerb(IServiceProvider services) => _services = services;

    public override string Name => "migrate";

    public override Command Build()
    {
        var command = new Command(Name, "Apply pending migrations to the core database (DATABASE_URI).") { _json };
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var database = _services.GetRequiredService<CoreDatabase>();
        var result = await _services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        if (parse.GetValue(_json))
        {
            var body = new
            {
                database = database.Endpoint,
                applied = result.Applied.Select(a => new { name = a.Name, duration_ms = (long)a.Duration.TotalMilliseconds }),
                already_applied = result.AlreadyApplied,
            };
            await VerbJson.WriteAsync(parse, body);
            return ExitCodes.Success;
        }

        foreach (var applied in result.Applied)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Applied {applied.Name} ({applied.Duration.TotalMilliseconds:0} ms)"));
        }

        var total = result.AlreadyApplied + result.Applied.Count;
        await output.WriteLineAsync(result.Applied.Count == 0
            ? $"The database {database.Endpoint} is up to date ({total} migration(s))."
            : $"The database {database.Endpoint} is now up to date ({total} migration(s), {result.Applied.Count} applied now).");
        return ExitCodes.Success;
    }
}
