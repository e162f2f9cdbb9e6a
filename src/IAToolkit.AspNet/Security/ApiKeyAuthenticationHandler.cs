using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using IAToolkit.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IAToolkit.AspNet.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> against the stored key hashes. The principal carries the
/// key's company; <see cref="CompanyAccessRequirement"/> refuses it on any other company.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    /// <summary>Where the handler leaves the reason a presented key was refused, for the 401 response.</summary>
    public const string FailureItem = "IAToolkit.ApiKeyFailure";

    private readonly ApiKeyStore _keys;

    public ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
        : base(options, logger, encoder)
    {
        _keys = keys;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await _keys.ValidateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (identity is null)
        {
            const string reason = "The API key is not valid or has been revoked.";
            Context.Items[FailureItem] = reason;
            return AuthenticateResult.Fail(reason);
        }

        var claims = new[]
        {
            new Claim(ClaimTypes.NameIdentifier, "api-key:" + identity.KeyId.ToString(CultureInfo.InvariantCulture)),
            new Claim(IAToolkitAuthentication.CompanyClaim, identity.CompanyShortName),
            new Claim(IAToolkitAuthentication.AuthTypeClaim, "api_key"),
            new Claim(IAToolkitAuthentication.IdClaim, identity.KeyId.ToString(CultureInfo.InvariantCulture)),
        };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
