using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace IAToolkit.AspNet.Tests;

/// <summary>
/// HTTP/1.1 written by hand over a socket, for what HttpClient will not send: a forged or malformed Host header, an
/// absolute-form request line.
/// </summary>
internal static partial class RawHttp
{
    /// <summary>Sends <paramref name="head"/> (request line and headers, without the blank line) and a body; returns the status and the whole response.</summary>
    public static async Task<(int Status, string Response)> SendAsync(Uri server, string head, string body = "")
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Parse(server.Host), server.Port);
        var stream = client.GetStream();
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = head.TrimEnd() + "\r\nConnection: close\r\n"
            + (body.Length > 0 ? $"Content-Length: {bytes.Length}\r\n" : string.Empty) + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        await stream.WriteAsync(bytes);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = StatusLine().Match(response) is { Success: true } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (status, response);
    }

    /// <summary>
    /// Posts a page's form with its antiforgery token, like a browser, but with the request line and headers the
    /// attacker chooses: <paramref name="target"/> (a path or an absolute URI), <paramref name="host"/> (the Host
    /// header, null for none) and <paramref name="extraHeaders"/>.
    /// </summary>
    public static async Task<(int Status, string Response)> PostFormAsync(Uri server, string formPage, string target, string? host, IDictionary<string, string> fields, params string[] extraHeaders)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = server };
        var page = await browser.GetStringAsync(new Uri(formPage, UriKind.Relative));
        var token = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value);
        var cookie = cookies.GetCookieHeader(server);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(form);
        var body = await content.ReadAsStringAsync();
        var head = new StringBuilder($"POST {target} HTTP/1.1\r\n");
        if (host is not null)
        {
            head.Append("Host: ").Append(host).Append("\r\n");
        }

        head.Append("Cookie: ").Append(cookie).Append("\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: text/html\r\n");
        foreach (var header in extraHeaders)
        {
            head.Append(header).Append("\r\n");
        }

        return await SendAsync(server, head.ToString(), body);
    }

    /// <summary>The body of a response read by <see cref="SendAsync"/>, with chunked transfer encoding undone.</summary>
    public static string BodyOf(string response)
    {
        var split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = response[..split];
        var body = response[(split + 4)..];
        if (!head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            return body;
        }

        var text = new StringBuilder();
        var position = 0;
        while (true)
        {
            var lineEnd = body.IndexOf("\r\n", position, StringComparison.Ordinal);
            var size = int.Parse(body[position..lineEnd], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return text.ToString();
            }

            // Sizes count bytes; the tests' bodies are ASCII JSON.
            text.Append(body, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }

    [GeneratedRegex(@"^HTTP/1\.1 (\d{3})")]
    private static partial Regex StatusLine();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
