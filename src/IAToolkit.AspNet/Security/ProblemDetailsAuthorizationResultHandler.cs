using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.AspNet.Security;

/// <summary>
/// Answers a refused API call with ProblemDetails: 401 without valid credentials, 403 with credentials of another
/// company. Pages keep the default behavior (a redirect to the sign-in page).
/// </summary>
internal sealed class ProblemDetailsAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || context.GetEndpoint()?.Metadata.GetMetadata<ApiEndpointMarker>() is null)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var forbidden = authorizeResult.Forbidden;
        var code = forbidden ? ErrorCodes.Forbidden : ErrorCodes.Unauthenticated;
        var status = Errors.ErrorStatus.For(code);
        var problem = new ProblemDetails
        {
            Status = status,
            Title = forbidden ? "Forbidden" : "Unauthorized",
            Detail = forbidden
                ? "These credentials do not give access to this company."
                : context.Items[ApiKeyAuthenticationHandler.FailureItem] as string ?? "Sign in, or send Authorization: Bearer <API key>.",
        };
        problem.Extensions["code"] = code;
        context.Response.StatusCode = status;
        if (!forbidden)
        {
            // RFC 6750: a presented key that failed is an invalid_token; no key at all is a bare challenge.
            context.Response.Headers.WWWAuthenticate = context.Items.ContainsKey(ApiKeyAuthenticationHandler.FailureItem) ? "Bearer error=\"invalid_token\"" : "Bearer";
        }

        if (await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            return;
        }

        // The default writer declines clients that do not accept JSON, such as the chat's stream (Accept:
        // text/event-stream) after its session expired: they still get the 401 and its reason, not a 500.
        await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
    }
}
