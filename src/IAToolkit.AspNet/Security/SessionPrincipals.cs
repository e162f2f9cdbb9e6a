using System.Globalization;
using System.Security.Claims;
using IAToolkit.Companies;
using IAToolkit.Identity;

namespace IAToolkit.AspNet.Security;

/// <summary>Builds the principal a session cookie carries.</summary>
internal static class SessionPrincipals
{
    public static ClaimsPrincipal ForLocalUser(Company company, UserAccount user)
    {
        var principal = Create(company, user.Email, user.FullName, user.Email, "local", user.Id.ToString(CultureInfo.InvariantCulture), user.SecurityStamp);
        if (user.PreferredLanguage is { Length: > 0 } language)
        {
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(IAToolkitAuthentication.LanguageClaim, language));
        }

        return principal;
    }

    public static ClaimsPrincipal ForExternalUser(Company company, ExternalLoginTicket ticket, string stamp)
        => Create(company, ticket.UserIdentifier, ticket.FullName, ticket.Email, "external", null, stamp);

    private static ClaimsPrincipal Create(Company company, string userIdentifier, string? name, string? email, string authType, string? id, string? stamp)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userIdentifier),
            new(ClaimTypes.Name, string.IsNullOrWhiteSpace(name) ? userIdentifier : name),
            new(IAToolkitAuthentication.CompanyClaim, company.ShortName),
            new(IAToolkitAuthentication.AuthTypeClaim, authType),
        };
        if (!string.IsNullOrEmpty(email))
        {
            claims.Add(new Claim(ClaimTypes.Email, email));
        }

        if (id is not null)
        {
            claims.Add(new Claim(IAToolkitAuthentication.IdClaim, id));
        }

        if (stamp is not null)
        {
            claims.Add(new Claim(IAToolkitAuthentication.StampClaim, stamp));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, IAToolkitAuthentication.SessionScheme));
    }

    /// <summary>Whether the principal is signed in to this company.</summary>
    public static bool BelongsTo(this ClaimsPrincipal principal, Company company)
        => principal.Identity?.IsAuthenticated == true
            && principal.FindFirstValue(IAToolkitAuthentication.CompanyClaim) == company.ShortName;
}
