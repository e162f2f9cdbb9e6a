using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace IAToolkit.Testing;

/// <summary>
/// A browser-like client for the server-rendered pages: keeps cookies, does not follow redirects (tests look at
/// them), asks for HTML, and fills forms with the antiforgery token the page carries, as a browser would.
/// </summary>
public sealed partial class BrowserSession : IDisposable
{
    private readonly HttpClient _client;

    /// <summary>Wraps a client that already keeps cookies and does not follow redirects.</summary>
    public BrowserSession(HttpClient client)
    {
        _client = client;
        _client.DefaultRequestHeaders.Accept.Clear();
        _client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
    }

    /// <summary>The cookies, when the session owns its handler.</summary>
    public CookieContainer? Cookies { get; private init; }

    /// <summary>A session against a real server.</summary>
    public static BrowserSession For(Uri baseAddress, CookieContainer? cookies = null)
    {
        cookies ??= new CookieContainer();
#pragma warning disable CA2000 // The client owns the handler and disposes it.
        var handler = new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false };
#pragma warning restore CA2000
        return new BrowserSession(new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) }) { Cookies = cookies };
    }

    /// <summary>GETs a page.</summary>
    public async Task<PageResponse> GetAsync(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        return await PageResponse.ReadAsync(response);
    }

    /// <summary>Opens the page holding a form, then posts the form to <paramref name="action"/> with its antiforgery token.</summary>
    public async Task<PageResponse> SubmitAsync(string formPage, string action, IDictionary<string, string> fields)
    {
        var page = await GetAsync(formPage);
        var token = AntiforgeryField().Match(page.Html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"{formPage} has no antiforgery token:\n{page.Html}");
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) };
        return await PostAsync(action, values);
    }

    /// <summary>Posts a form as it is (no token unless the fields carry one).</summary>
    public async Task<PageResponse> PostAsync(string action, IDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await _client.PostAsync(new Uri(action, UriKind.Relative), content);
        return await PageResponse.ReadAsync(response);
    }

    /// <summary>Disposes the client.</summary>
    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
