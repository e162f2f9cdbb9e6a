using IAToolkit.AspNet.Tenancy;
using IAToolkit.Assistant;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IAToolkit.AspNet.Endpoints;

/// <summary><c>POST /api/{c}/feedback</c>: a rating (1–5) and a comment.</summary>
internal static class FeedbackEndpoint
{
    public static async Task<JsonHttpResult<FeedbackResponse>> PostAsync(RouteCompany route, HttpContext http, FeedbackRequest body, FeedbackService feedback, CancellationToken cancellationToken)
    {
        var user = CallerIdentity.Identifier(http, body.UserIdentifier);
        await feedback.SubmitAsync(route.Company, user, body.Rating, body.Message, cancellationToken);
        return TypedResults.Json(new FeedbackResponse(true, "Feedback saved."), ApiJson.Options);
    }
}

/// <summary>The answer of <c>feedback</c>.</summary>
internal sealed record FeedbackResponse(bool Success, string Message);
