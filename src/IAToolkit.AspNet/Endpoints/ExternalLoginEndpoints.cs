using System.Text.Json.Serialization;
using IAToolkit.AspNet.Links;
using IAToolkit.AspNet.Pages;
using IAToolkit.AspNet.Security;
using IAToolkit.AspNet.Tenancy;
using IAToolkit.Configuration;
using IAToolkit.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IAToolkit.AspNet.Endpoints;

/// <summary>
/// External login (single sign-on from a portal): the portal's back end asks for a link with the company's API key,
/// hands it to the user's browser, and opening it signs the user in once.
/// </summary>
internal static class ExternalLoginEndpoints
{
    public static void MapExternalLogin(this IEndpointRouteBuilder endpoints)
    {
        foreach (var pattern in new[] { "/external_login/{c}", "/{c}/external_login" })
        {
            endpoints.MapPost(pattern, IssueAsync)
                .RequireAuthorization(IAToolkitAuthentication.ApiPolicy)
                .WithMetadata(ApiEndpointMarker.Instance, new BodySizeLimit(BodySizeLimit.Small))
                .RateLimitedPerClient("external-login", 120, TimeSpan.FromMinutes(1))
                .WithName(pattern.StartsWith("/external", StringComparison.Ordinal) ? "ExternalLogin" : "ExternalLoginPythonPath")
                .WithSummary("Creates a single-use link that signs a portal user in to the company's chat.")
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status403Forbidden);
        }

        endpoints.MapGet("/{c}/external-login/{token}", RedeemAsync).ExcludeFromDescription();
    }

    private static async Task<Ok<ExternalLoginResponse>> IssueAsync(
        RouteCompany route, ExternalLoginRequest request, HttpContext http, ExternalLoginTokens tokens, LoginAudit audit, IOptions<SecurityOptions> security, PublicUrls urls, CancellationToken cancellationToken)
    {
        var company = route.Company;
        var userIdentifier = request.UserIdentifier?.Trim();
        if (string.IsNullOrEmpty(userIdentifier) || userIdentifier.Length > 256 || userIdentifier.Any(char.IsControl))
        {
            throw new IAToolkitException(ErrorCodes.InvalidRequest, "user_identifier is required: 1 to 256 printable characters.");
        }

        var context = CompanyRequestContext.For(company, http.RequestServices, userIdentifier);
        var profile = await company.Implementation.GetUserInfoAsync(userIdentifier, context, cancellationToken);
        var ticket = new ExternalLoginTicket(company.ShortName, userIdentifier, profile.Email, profile.FullName);
        var token = await tokens.IssueAsync(ticket, security.Value.ExternalLoginLifetime);
        await audit.RecordAsync(new LoginAttempt(company.Id, userIdentifier, External: true, Succeeded: true, "link_issued", http.Connection.RemoteIpAddress?.ToString(), null), cancellationToken);
        var url = urls.CompanyPage(company.ShortName, "external-login", token);
        return TypedResults.Ok(new ExternalLoginResponse(url.ToString(), (int)security.Value.ExternalLoginLifetime.TotalSeconds));
    }

    private static async Task<IResult> RedeemAsync(RouteCompany route, string token, HttpContext http, ExternalLoginTokens tokens, LoginAudit audit, CancellationToken cancellationToken)
    {
        var company = route.Company;
        var page = PageModel.For(http, company);
        var redemption = await tokens.RedeemAsync(token, company.ShortName);
        if (redemption.Ticket is null)
        {
            var reason = redemption.Status.ToString().ToLowerInvariant();
            await audit.RecordAsync(new LoginAttempt(company.Id, "(external link)", true, false, reason, http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent), cancellationToken);
            return PageResults.RefusedLink(page, redemption.Status, page.Text.LinkAgainExternal);
        }

        var stamp = await http.RequestServices.GetRequiredService<SessionStamps>().ForExternalUserAsync(company.ShortName, redemption.Ticket.UserIdentifier, null);
        await http.SignInAsync(IAToolkitAuthentication.SessionScheme, SessionPrincipals.ForExternalUser(company, redemption.Ticket, stamp));
        await audit.RecordAsync(new LoginAttempt(company.Id, redemption.Ticket.UserIdentifier, true, true, null, http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent), cancellationToken);
        return TypedResults.Redirect($"/{company.ShortName}/chat");
    }
}

/// <summary>The body of <c>POST /external_login/{c}</c>.</summary>
/// <param name="UserIdentifier">The portal's identifier of the user (passed to the company's <c>GetUserInfoAsync</c>).</param>
internal sealed record ExternalLoginRequest([property: JsonPropertyName("user_identifier")] string? UserIdentifier);

/// <summary>The answer of <c>POST /external_login/{c}</c>.</summary>
/// <param name="Url">Open it in the user's browser within <paramref name="ExpiresIn"/> seconds; it works once.</param>
/// <param name="ExpiresIn">The link's lifetime in seconds.</param>
internal sealed record ExternalLoginResponse([property: JsonPropertyName("url")] string Url, [property: JsonPropertyName("expires_in")] int ExpiresIn);
