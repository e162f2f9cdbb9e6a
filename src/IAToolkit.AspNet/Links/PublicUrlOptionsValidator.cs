using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IAToolkit.AspNet.Links;

/// <summary>Validates the public base URL and the trusted proxies at start; every message names the setting.</summary>
internal sealed class PublicUrlOptionsValidator : IValidateOptions<PublicUrlOptions>, IValidateOptions<ProxyOptions>
{
    private readonly IHostEnvironment _environment;

    public PublicUrlOptionsValidator(IHostEnvironment environment) => _environment = environment;

    public ValidateOptionsResult Validate(string? name, PublicUrlOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            // Development may fall back to Kestrel's own address; anywhere else a link built from the request's Host
            // header is the password-reset poisoning this setting exists to stop.
            return _environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"{PublicUrlOptions.SettingName} is not set: set {PublicUrlOptions.VariableName} to the URL users open, e.g. https://assistant.example.com "
                    + "(every link in mails, external logins and downloads starts with it; the request's Host header is never used).");
        }

        return TryParse(options.PublicBaseUrl, out _, out var problem)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{PublicUrlOptions.SettingName} ('{options.PublicBaseUrl}') {problem}");
    }

    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        var failures = new List<string>();
        failures.AddRange(ProxyOptions.Split(options.KnownProxies).Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => $"{ProxyOptions.SectionName}:KnownProxies: '{p}' is not an IP address."));
        failures.AddRange(ProxyOptions.Split(options.KnownNetworks).Where(n => !IPNetwork.TryParse(n, out _))
            .Select(n => $"{ProxyOptions.SectionName}:KnownNetworks: '{n}' is not a network in CIDR form (e.g. 10.0.0.0/8)."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Reads an absolute http(s) URL with an optional path, and returns it ending with <c>/</c>.</summary>
    internal static bool TryParse(string text, out Uri baseUrl, out string problem)
    {
        baseUrl = null!;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problem = "is not an absolute http:// or https:// URL, e.g. https://assistant.example.com.";
            return false;
        }

        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.Host.Length == 0)
        {
            problem = "must be a scheme, a host, an optional port and an optional path: no user name, query or fragment.";
            return false;
        }

        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        baseUrl = new UriBuilder(uri.Scheme, uri.Host, uri.Port, path).Uri;
        problem = string.Empty;
        return true;
    }
}
