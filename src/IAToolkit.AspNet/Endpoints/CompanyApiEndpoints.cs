using System.Text.Json.Serialization;
using IAToolkit.AspNet.Security;
using IAToolkit.Assistant.Llm;
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
            api.MapGet("/models", GetModels).WithName("GetModels" + suffix).WithSummary("The models the company offers: what the chat's model picker shows.");
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
                    .Where(p => p.Active && p.VisibleInChat && p.Category == category.Name)
                    .OrderBy(p => p.Order ?? int.MaxValue)
                    .Select(p => new PromptResponse(p.Name, p.Description, p.CustomFields, p.Order))]))
            .Where(c => c.Prompts.Count > 0)
            .OrderBy(c => c.CategoryOrder)
            .ToList();
        return TypedResults.Json(new PromptsResponse(categories), ApiJson.Options);
    }

    private static JsonHttpResult<ModelsResponse> GetModels(RouteCompany route)
    {
        var llm = route.Company.Configuration.Llm;
        var provider = ProviderName(llm.Provider);
        var models = ModelChoice.Allowed(route.Company)
            .Select(id => llm.ModelOptions.FirstOrDefault(o => o.Id == id) is { } option
                ? new ModelResponse(id, option.Label, option.Description, option.Provider ?? provider)
                : new ModelResponse(id, id, null, provider))
            .ToList();
        return TypedResults.Json(new ModelsResponse(llm.Model, models), ApiJson.Options);
    }

    /// <summary>The provider as company.yaml spells it.</summary>
    private static string ProviderName(LlmProvider provider) => provider switch
    {
        LlmProvider.Azure => "azure",
        LlmProvider.OpenAICompatible => "openai_compatible",
        _ => "openai",
    };

    private static JsonHttpResult<HelpContent> GetHelp(RouteCompany route)
        => TypedResults.Json(route.Company.Configuration.HelpContent ?? new HelpContent(), ApiJson.Options);
}

/// <summary>The models a company offers; <c>default_model</c> answers when a request names none.</summary>
internal sealed record ModelsResponse(
    [property: JsonPropertyName("default_model")] string DefaultModel,
    [property: JsonPropertyName("models")] IReadOnlyList<ModelResponse> Models);

/// <summary>A model of the picker: the id a request sends as <c>model</c>, what the user reads, and its provider.</summary>
internal sealed record ModelResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("provider")] string Provider);

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
