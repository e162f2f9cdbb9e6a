using IAToolkit.Identity;
using Microsoft.AspNetCore.Http;

namespace IAToolkit.AspNet.Endpoints;

/// <summary>Reads posted form fields, trimmed and capped so that nothing huge is echoed back into a page.</summary>
internal static class FormValues
{
    public static string? Text(this IFormCollection form, string name, int maxLength = 320)
    {
        var value = form[name].ToString();
        return value.Length == 0 ? null : value.Length > maxLength ? value[..maxLength] : value;
    }

    public static ClientInfo Client(this HttpContext context)
        => new(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null);

    /// <summary>
    /// A return URL only when it stays inside the company's own pages (no open redirect): a path under
    /// <c>/{company}/</c> with no backslash, no empty segment (<c>//</c>) and no dot segment, also once percent-decoded
    /// (browsers treat <c>\</c> as <c>/</c> and some decode <c>%2F</c>). One with a control character is refused with
    /// 400: CR/LF in a Location header would fail the response (or split it, behind a lax proxy).
    /// </summary>
    public static string? LocalReturnUrl(string? url, string companyShortName)
    {
        if (url is null)
        {
            return null;
        }

        if (url.Any(char.IsControl))
        {
            throw new IAToolkitException(ErrorCodes.InvalidRequest, "return_url contains a control character.");
        }

        if (!url.StartsWith($"/{companyShortName}/", StringComparison.Ordinal) || url.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        var path = url.Split('?', '#')[0];
        var decoded = Uri.UnescapeDataString(path);
        return decoded.Contains('\\', StringComparison.Ordinal) || decoded.Contains("//", StringComparison.Ordinal) || decoded.Split('/').Any(s => s is "." or "..")
            ? null
            : url;
    }
}
