using System.Net;
using IAToolkit.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace IAToolkit.AspNet.Tests.Sessions;

/// <summary>Browsers whose cookie jar the test holds, to copy a session to another browser or replay an old cookie.</summary>
internal static class CookieJars
{
    /// <summary>The address the in-memory hosts answer on.</summary>
    public static readonly Uri Site = new("http://localhost/");

    public static BrowserSession BrowserWith(this WebApplicationFactory<Program> factory, CookieContainer jar)
#pragma warning disable CA2000 // The client owns the handler.
        => new(factory.CreateDefaultClient(new CookieContainerHandler(jar)));
#pragma warning restore CA2000

    /// <summary>An API client that sends the jar's cookies, as a script in the page would.</summary>
    public static HttpClient ApiClientWith(this WebApplicationFactory<Program> factory, CookieContainer jar)
    {
#pragma warning disable CA2000 // The client owns the handler.
        var client = factory.CreateDefaultClient(new CookieContainerHandler(jar));
#pragma warning restore CA2000
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        return client;
    }

    /// <summary>A copy of the jar's cookies, unaffected by what later happens to the original.</summary>
    public static CookieContainer Copy(CookieContainer jar)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in jar.GetCookies(Site))
        {
            copy.Add(Site, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        }

        return copy;
    }

    /// <summary>A jar holding only a session cookie with this value.</summary>
    public static CookieContainer WithSession(string value)
    {
        var jar = new CookieContainer();
        jar.Add(Site, new Cookie("iat_session", value, "/"));
        return jar;
    }

    public static bool HasSession(CookieContainer jar) => jar.GetCookies(Site)["iat_session"] is { Value.Length: > 0 };
}
