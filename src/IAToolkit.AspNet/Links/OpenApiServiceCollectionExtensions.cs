using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.AspNet.Links;

/// <summary>The OpenAPI document, whose server is the public base URL (served only where <c>IAToolkit:Endpoints:OpenApi</c> allows).</summary>
internal static class OpenApiServiceCollectionExtensions
{
    public static IServiceCollection AddIAToolkitOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options => options.AddDocumentTransformer<OpenApiServersTransformer>());
        return services;
    }
}
