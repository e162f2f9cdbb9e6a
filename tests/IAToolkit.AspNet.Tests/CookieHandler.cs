using System.Net;

namespace IAToolkit.AspNet.Tests;

/// <summary>Keeps cookies for a test-server client, which has no cookie handling of its own, and never follows redirects.</summary>
internal sealed class CookieHandler : DelegatingHandler
{
    private readonly CookieContainer _cookies;

    public CookieHandler(CookieContainer? cookies = null) => _cookies = cookies ?? new CookieContainer();

    /// <summary>The cookies kept, for tests that copy or replay a session.</summary>
    public CookieContainer Cookies => _cookies;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var header = _cookies.GetCookieHeader(uri);
        if (header.Length > 0)
        {
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                _cookies.SetCookies(uri, value);
            }
        }

        return response;
    }
}
