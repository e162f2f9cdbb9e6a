using System.Net;

namespace IAToolkit.Testing;

/// <summary>What a page request returned: the status, the HTML and where a redirect points.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Html">The body.</param>
/// <param name="Location">The redirect target, if any.</param>
public sealed record PageResponse(HttpStatusCode Status, string Html, string? Location)
{
    /// <summary>Reads a response.</summary>
    public static async Task<PageResponse> ReadAsync(HttpResponseMessage response)
        => new(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.ToString());

    /// <summary>The visible text of the page with tags removed and entities decoded, for assertions on wording.</summary>
    public string Text => WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(Html, "<[^>]+>", " "));
}
