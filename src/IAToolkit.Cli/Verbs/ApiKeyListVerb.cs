using System.CommandLine;
using System.Globalization;
using IAToolkit.ApiKeys;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Cli.Verbs;

/// <summary><c>api-key list &lt;company&gt; [--json]</c>: the company's keys, by prefix, never the keys themselves.</summary>
internal sealed class ApiKeyListVerb : Verb
{
    private readonly IServiceProvider _services;
    private readonly Argument<string> _company = new("company") { Description = "The company's short name." };
    private readonly Option<bool> _json = new("--json") { Description = "Print the keys as JSON." };

    public ApiKeyListVerb(IServiceProvider services) => _services = services;

    public override string Name => "list";

    public override Command Build()
    {
        var command = new Command(Name, "List a company's API keys: id, name, prefix, when created, last used and revoked.") { _company, _json };
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var company = await ApiKeyCompany.FindAsync(_services, parse.GetRequiredValue(_company), cancellationToken);
        var keys = await _services.GetRequiredService<ApiKeyStore>().ListAsync(company, cancellationToken);
        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_json))
        {
            await VerbJson.WriteAsync(parse, new { company = company.ShortName, keys = keys.Select(ToJson) });
        }
        else if (keys.Count == 0)
        {
            await output.WriteLineAsync($"Company '{company.ShortName}' has no API keys; create one with: api-key {company.ShortName}");
        }
        else
        {
            await WriteTableAsync(output, keys);
        }

        return ExitCodes.Success;
    }

    private static async Task WriteTableAsync(TextWriter output, IReadOnlyList<ApiKeyInfo> keys)
    {
        string[] header = ["ID", "NAME", "PREFIX", "CREATED (UTC)", "LAST USED (UTC)", "REVOKED (UTC)"];
        var rows = keys.Select(k => new[]
        {
            k.Id.ToString(CultureInfo.InvariantCulture),
            k.Name,
            k.Prefix + "…",
            Time(k.CreatedAt),
            k.LastUsedAt is { } used ? Time(used) : "never",
            k.RevokedAt is { } revoked ? Time(revoked) : "-",
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            await output.WriteLineAsync(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static object ToJson(ApiKeyInfo key) => new
    {
        id = key.Id,
        name = key.Name,
        prefix = key.Prefix,
        created_at = key.CreatedAt,
        last_used_at = key.LastUsedAt,
        revoked_at = key.RevokedAt,
        revoked = key.IsRevoked,
    };
}
