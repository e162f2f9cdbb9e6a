using System.Security.Claims;
using IAToolkit.AspNet.Security;
using IAToolkit.Companies;
using Microsoft.AspNetCore.Http;

namespace IAToolkit.AspNet.Endpoints;

/// <summary>
/// Who is asking: a signed-in user (from the session), or, for a caller with an API key, the user it names in the
/// body (<c>user_identifier</c>), described by the company's <c>GetUserInfoAsync</c>.
/// </summary>
internal static class CallerIdentity
{
    public static async Task<CompanyUserInfo> ResolveAsync(HttpContext http, Company company, string? bodyUserIdentifier, CancellationToken cancellationToken)
    {
        var user = http.User;
        var authType = user.FindFirstValue(IAToolkitAuthentication.AuthTypeClaim);
        if (authType == "local")
        {
            return new CompanyUserInfo
            {
                UserIdentifier = user.FindFirstValue(ClaimTypes.NameIdentifier)!,
                Email = user.FindFirstValue(ClaimTypes.Email),
                FullName = user.FindFirstValue(ClaimTypes.Name),
            };
        }

        var identifier = authType == "external" ? user.FindFirstValue(ClaimTypes.NameIdentifier) : bodyUserIdentifier?.Trim();
        if (string.IsNullOrEmpty(identifier) || identifier.Length > 256 || identifier.Any(char.IsControl))
        {
            throw new IAToolkitException(ErrorCodes.InvalidRequest, "user_identifier is required when calling with an API key: 1 to 256 printable characters naming the user the call is made for.");
        }

        var context = CompanyRequestContext.For(company, http.RequestServices, identifier);
        var profile = await company.Implementation.GetUserInfoAsync(identifier, context, cancellationToken);
        return profile with { UserIdentifier = identifier };
    }

    /// <summary>The identifier alone, for calls that do not need the profile.</summary>
    public static string Identifier(HttpContext http, string? bodyUserIdentifier)
    {
        var user = http.User;
        if (user.FindFirstValue(IAToolkitAuthentication.AuthTypeClaim) is "local" or "external")
        {
            return user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        }

        var identifier = bodyUserIdentifier?.Trim();
        return string.IsNullOrEmpty(identifier) || identifier.Length > 256 || identifier.Any(char.IsControl)
            ? throw new IAToolkitException(ErrorCodes.InvalidRequest, "user_identifier is required when calling with an API key: 1 to 256 printable characters naming the user the call is made for.")
            : identifier;
    }

    /// <summary>
    /// Whom a file-store token belongs to. A signed-in local user is one namespace; a portal user, whether signed in
    /// through external login or named by an API caller's <c>user_identifier</c>, is another (the portal uses the same
    /// identifier on both ways in), so an API caller naming <c>17</c> is never the local user whose id is 17.
    /// </summary>
    public static string FileOwner(HttpContext http, string? bodyUserIdentifier)
    {
        var identifier = Identifier(http, bodyUserIdentifier);
        return http.User.FindFirstValue(IAToolkitAuthentication.AuthTypeClaim) == "local" ? $"local:{identifier}" : $"portal:{identifier}";
    }
}
