using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IAToolkit.AspNet.Links;

/// <summary>
/// Builds every absolute link the host hands out (mails, external login, downloads, OpenAPI) from
/// <see cref="PublicUrlOptions.PublicBaseUrl"/>. Nothing in a request (Host, X-Forwarded-Host, an absolute request
/// line) can change where a link points.
/// </summary>
internal sealed class PublicUrls
{
    private readonly Lazy<Uri> _base;

    public PublicUrls(IOptions<PublicUrlOptions> options, IHostEnvironment environment, IServer server)
        => _base = new Lazy<Uri>(() => Resolve(options.Value, environment, server));

    /// <summary>The base, ending with <c>/</c>, e.g. <c>https://example.com/assistant/</c>.</summary>
    public Uri Base => _base.Value;

    /// <summary>An absolute link to a path of this host, e.g. <c>/api/acme/downloads/x</c>; the base's path is kept.</summary>
    public Uri For(string path) => new(Base, path.TrimStart('/'));

    /// <summary>A link to a company page carrying a token, e.g. <c>…/acme/change-password/{token}</c>.</summary>
    public Uri CompanyPage(string company, string page, string token)
        => For($"{Uri.EscapeDataString(company)}/{page}/{Uri.EscapeDataString(token)}");

    private static Uri Resolve(PublicUrlOptions options, IHostEnvironment environment, IServer server)
    {
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return PublicUrlOptionsValidator.TryParse(options.PublicBaseUrl, out var configured, out var problem)
                ? configured
                : throw new InvalidOperationException($"{PublicUrlOptions.SettingName} {problem}");
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException($"{PublicUrlOptions.SettingName} is not set.");
        }

        // Development only: the address Kestrel listens on (./dev sample: http://127.0.0.1:5080), never the request's.
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => Uri.TryCreate(a.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var u) ? u : null)
            .OfType<Uri>()
            .OrderBy(u => u.Scheme == Uri.UriSchemeHttps ? 0 : 1)
            .FirstOrDefault();
        if (address is null)
        {
            return new Uri("http://localhost/");
        }

        var host = address.Host is "0.0.0.0" or "[::]" ? "localhost" : address.Host;
        return new UriBuilder(address.Scheme, host, address.Port, "/").Uri;
    }
}
