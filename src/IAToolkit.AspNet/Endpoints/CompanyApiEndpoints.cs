using System.Text.Json.Serialization;
using IAToolkit.AspNet.Security;
using IAToolkit.AspNet.Tenancy;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace IAToolkit.AspNet.Endpoints;

/// <summary>
/// The company's JSON APIs that the chat page needs and other systems call (<c>/api/{c}/…</c>, with the Python
/// project's <c>/{c}/api/…</c> paths as aliases). Session or API key of that company.
/// </summary>
internal static class CompanyApiEndpoints
{
    public static RouteGroupBuilder MapCompanyApiGroup(this IEndpointRouteBuilder endpoints, string prefix)
        => endpoints.MapGroup(prefix)
            .RequireAuthorization(IAToolkitAuthentication.ApiPolicy)
            .RequireCors(CompanyCorsPolicyProvider.PolicyName)
            .WithMetadata(ApiEndpointMarker.Instance, new BodySizeLimit(BodySizeLimit.Small))
            .RejectControlCharacters()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static void MapCompanyApis(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (prefix, suffix) in new[] { ("/api/{c}", string.Empty), ("/{c}/api", "PythonPath") })
        {
            var api = endpoints.MapCompanyApiGroup(prefix).WithTags("Company");
            api.MapGet("/prompts", GetPrompts).WithName("GetPrompts" + suffix).WithSummary("The company's active prompts, by category.");
            api.MapGet("/help", GetHelp).WithName("GetHelp" + suffix).WithSummary("The help content of the chat page.");
            api.MapPost(suffix.Length == 0 ? "/help" : "/help-content", GetHelp).WithName("PostHelp" + suffix).WithSummary("The help content (POST, as the Python project's client calls it).");
        }
    }

    private static JsonHttpResult<PromptsResponse> GetPrompts(RouteCompany route)
    {
        var configuration = route.Company.Configuration;
        var categories = configuration.PromptCategories
            .Select(category => new PromptCategoryResponse(
                category.Name,
                category.Order,
                [.. configuration.Prompts
                    .Where(p => p.Active && p.Category == category.Name)
                    .OrderBy(p => p.Order ?? int.MaxValue)
                    .Select(p => new PromptResponse(p.Name, p.Description, p.CustomFields, p.Order))]))
            .Where(c => c.Prompts.Count > 0)
            .OrderBy(c => c.CategoryOrder)
            .ToList();
        return TypedResults.Json(new PromptsResponse(categories), ApiJson.Options);
    }

    private static JsonHttpResult<HelpContent> GetHelp(RouteCompany route)
        => TypedResults.Json(route.Company.Configuration.HelpContent ?? new HelpContent(), ApiJson.Options);
}

/// <summary>The prompts of a company, shaped as the Python project's <c>/api/prompts</c>.</summary>
internal sealed record PromptsResponse([property: JsonPropertyName("message")] IReadOnlyList<PromptCategoryResponse> Categories);

/// <summary>A category and its prompts.</summary>
internal sealed record PromptCategoryResponse(
    [property: JsonPropertyName("category_name")] string CategoryName,
    [property: JsonPropertyName("category_order")] int CategoryOrder,
    [property: JsonPropertyName("prompts")] IReadOnlyList<PromptResponse> Prompts);

/// <summary>A prompt as the chat's prompt picker needs it.</summary>
internal sealed record PromptResponse(
    [property: JsonPropertyName("prompt")] string Prompt,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("custom_fields")] IReadOnlyList<PromptCustomField> CustomFields,
    [property: JsonPropertyName("order")] int? Order);
