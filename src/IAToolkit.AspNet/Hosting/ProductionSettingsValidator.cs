using IAToolkit.AspNet.Links;
using IAToolkit.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IAToolkit.AspNet.Hosting;

/// <summary>
/// In Production, refuses the settings that are only right on a developer's machine, each message naming the setting
/// to fix: a secret still holding the placeholder of the generated <c>.env.example</c>, and a public address that is
/// plain <c>http://</c> on another machine (the session cookie and every password would cross the network in clear
/// text, or, with secure cookies, no sign-in would ever stick). Other environments keep their own defaults.
/// </summary>
internal sealed class ProductionSettingsValidator : IValidateOptions<SecurityOptions>, IValidateOptions<PublicUrlOptions>
{
    /// <summary>How the placeholder secret of a generated host's <c>.env.example</c> starts.</summary>
    internal const string PlaceholderSecretPrefix = "change-me";

    private readonly IHostEnvironment _environment;

    public ProductionSettingsValidator(IHostEnvironment environment) => _environment = environment;

    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        if (!_environment.IsProduction() || options.SecretKey is not { } secret)
        {
            return ValidateOptionsResult.Skip;
        }

        return secret.StartsWith(PlaceholderSecretPrefix, StringComparison.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Fail(
                $"{SecurityOptions.SecretKeyVariable} still holds the placeholder of .env.example: set it to a random string of at least "
                + $"{SecurityOptions.MinimumSecretKeyLength} characters (openssl rand -hex 32), the same on every host.")
            : ValidateOptionsResult.Success;
    }

    public ValidateOptionsResult Validate(string? name, PublicUrlOptions options)
    {
        if (!_environment.IsProduction() || options.PublicBaseUrl is not { } text || !PublicUrlOptionsValidator.TryParse(text, out var url, out _))
        {
            return ValidateOptionsResult.Skip; // a missing or malformed address is PublicUrlOptionsValidator's to report
        }

        // Loopback stays allowed: the browser is on the same machine (a trial run, or a proxy that calls the host locally).
        return url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback
            ? ValidateOptionsResult.Fail(
                $"{PublicUrlOptions.SettingName} ('{text}') is http:// in Production: serve the host over TLS (e.g. behind a proxy named in "
                + $"{ProxyOptions.SectionName}:KnownProxies) and set {PublicUrlOptions.VariableName}=https://…")
            : ValidateOptionsResult.Success;
    }
}
