using IAToolkit.AspNet.Security;
using IAToolkit.Companies;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IAToolkit.AspNet.Localization;

/// <summary>
/// The language of a page: <c>?lang=</c> on the request, else the reader's choice (the <c>iat_lang</c> cookie the
/// language switch sets), else a signed-in user's stored preference, else the company's <c>locale</c> when
/// company.yaml names one, else the browser's <c>Accept-Language</c>, else English.
/// </summary>
internal static class PageLanguage
{
    /// <summary>The cookie that keeps a reader's choice in this browser (also before signing in).</summary>
    public const string CookieName = "iat_lang";

    /// <summary>The query parameter that chooses the language of any page (and remembers it).</summary>
    public const string QueryKey = "lang";

    private static readonly TimeSpan s_cookieLifetime = TimeSpan.FromDays(365);

    /// <summary><c>en</c> or <c>es</c> for a language tag the pages speak (<c>es</c>, <c>es-CL</c>, <c>ES_es</c>), else <see langword="null"/>.</summary>
    public static string? Supported(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || tag.Length > 35)
        {
            return null;
        }

        var primary = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary is "en" or "es" ? primary : null;
    }

    /// <summary>
    /// Decides the page's language; a valid <c>?lang=</c> is also remembered in the cookie, so the next page (and the
    /// next visit) keep it.
    /// </summary>
    public static string Choose(HttpContext http, Company? company)
    {
        var request = http.Request;
        if (Supported(request.Query[QueryKey].ToString()) is { } asked)
        {
            if (request.Cookies[CookieName] != asked)
            {
                Remember(http, asked);
            }

            return asked;
        }

        if (Supported(request.Cookies[CookieName]) is { } chosen)
        {
            return chosen;
        }

        var user = http.User;
        if (user.Identity?.IsAuthenticated == true
            && (company is null || user.BelongsTo(company))
            && Supported(user.FindFirst(IAToolkitAuthentication.LanguageClaim)?.Value) is { } preferred)
        {
            return preferred;
        }

        if (company?.Configuration.HasLocale == true)
        {
            return Supported(company.Configuration.Language) ?? "en";
        }

        return FromBrowser(request) ?? Supported(company?.Configuration.Language) ?? "en";
    }

    /// <summary>Sets the cookie: HttpOnly (no script reads it), SameSite=Lax, Secure exactly when the session cookie is.</summary>
    public static void Remember(HttpContext http, string language)
    {
        // The session cookie's builder decides Secure as it does for the session (Always in production, or as the request).
        var session = http.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IAToolkitAuthentication.SessionScheme);
        var options = session.Cookie.Build(http);
        options.HttpOnly = true;
        options.SameSite = SameSiteMode.Lax;
        options.Path = "/";
        options.Domain = null;
        options.Expires = null;
        options.MaxAge = s_cookieLifetime;
        options.IsEssential = true;
        http.Response.Cookies.Append(CookieName, language, options);
    }

    /// <summary>
    /// Where the language switch brings the reader back: this page without its <c>?lang=</c>. Pages whose address
    /// redeems a single-use link (e-mail verification, external login) would refuse a second visit: those go home.
    /// </summary>
    public static string? ReturnPath(HttpContext http, Company? company)
    {
        if (company is null)
        {
            return null;
        }

        var home = $"/{company.ShortName}/home";
        var segments = http.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (segments.Length < 2 || segments[0] != company.ShortName || segments[1] is "verify" or "external-login" or "logout" or "language")
        {
            return home;
        }

        // A page answering a form (a sign-in error, say) goes back to that form; one answering a token's form (a
        // password just changed) to home, as the token is spent.
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            return segments.Length == 2 ? $"/{company.ShortName}/{segments[1]}" : home;
        }

        var query = new QueryBuilder(http.Request.Query.Where(q => !string.Equals(q.Key, QueryKey, StringComparison.OrdinalIgnoreCase)));
        return http.Request.Path.Value + query.ToQueryString();
    }

    // Accept-Language: the first language the pages speak, in the browser's order of preference.
    private static string? FromBrowser(HttpRequest request)
    {
        IList<Microsoft.Net.Http.Headers.StringWithQualityHeaderValue> ranges;
        try
        {
            ranges = new RequestHeaders(request.Headers).AcceptLanguage;
        }
        catch (FormatException)
        {
            return null;
        }

        return ranges
            .Where(r => (r.Quality ?? 1) > 0)
            .OrderByDescending(r => r.Quality ?? 1)
            .Select(r => Supported(r.Value.Value))
            .FirstOrDefault(l => l is not null);
    }
}
