using System.CommandLine;
using System.Globalization;
using IAToolkit.ApiKeys;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Cli.Verbs;

/// <summary>
/// <c>api-key revoke &lt;company&gt; &lt;id-or-prefix&gt; [--json]</c>: revokes one of the company's keys. Revoking a
/// revoked key succeeds and says so; a key the company does not have exits 3 (not found).
/// </summary>
internal sealed class ApiKeyRevokeVerb : Verb
{
    private readonly IServiceProvider _services;
    private readonly Argument<string> _company = new("company") { Description = "The company's short name." };
    private readonly Argument<string> _key = new("id-or-prefix") { Description = "The key's id or prefix, as 'api-key list' shows them (or the key itself)." };
    private readonly Option<bool> _json = new("--json") { Description = "Print the revoked key as JSON." };

    public ApiKeyRevokeVerb(IServiceProvider services) => _services = services;

    public override string Name => "revoke";

    public override Command Build()
    {
        var command = new Command(Name, "Revoke one of a company's API keys; requests that present it are refused from then on.") { _company, _key, _json };
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var company = await ApiKeyCompany.FindAsync(_services, parse.GetRequiredValue(_company), cancellationToken);
        var selector = parse.GetRequiredValue(_key);
        var result = await _services.GetRequiredService<ApiKeyStore>().RevokeAsync(company, selector, cancellationToken);
        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_json) && result is { Outcome: ApiKeyRevokeOutcome.Revoked or ApiKeyRevokeOutcome.AlreadyRevoked, Key: { } revoked })
        {
            await VerbJson.WriteAsync(parse, new
            {
                company = company.ShortName,
                id = revoked.Id,
                name = revoked.Name,
                prefix = revoked.Prefix,
                revoked_at = revoked.RevokedAt,
                already_revoked = result.Outcome == ApiKeyRevokeOutcome.AlreadyRevoked,
            });
            return ExitCodes.Success;
        }

        switch (result)
        {
            case { Outcome: ApiKeyRevokeOutcome.Revoked, Key: { } key }:
                await output.WriteLineAsync($"Revoked API key {Describe(key)} of company '{company.ShortName}'.");
                return ExitCodes.Success;
            case { Outcome: ApiKeyRevokeOutcome.AlreadyRevoked, Key: { RevokedAt: { } at } key }:
                await output.WriteLineAsync(
                    $"API key {Describe(key)} of company '{company.ShortName}' was already revoked on {at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC; nothing changed.");
                return ExitCodes.Success;
            default:
                // A whole key is echoed by its prefix only: error output ends up in logs.
                var shown = ApiKeyFormat.IsWellFormed(selector.Trim()) ? ApiKeyFormat.PrefixOf(selector.Trim()) + "…" : selector;
                throw new IAToolkitException(
                    ErrorCodes.ApiKeyNotFound,
                    $"Company '{company.ShortName}' has no API key '{shown}'. Give its id or prefix as 'api-key list {company.ShortName}' shows them.");
        }
    }

    private static string Describe(ApiKeyInfo key) => $"{key.Id} ('{key.Name}', {key.Prefix}…)";
}
