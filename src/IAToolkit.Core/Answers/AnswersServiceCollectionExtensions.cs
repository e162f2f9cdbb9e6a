using IAToolkit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IAToolkit.Answers;

/// <summary>The renderer that turns a model's Markdown answer into sanitized HTML.</summary>
internal static class AnswersServiceCollectionExtensions
{
    public static IServiceCollection AddAnswerRendering(this IServiceCollection services)
    {
        services.AddValidatedOptions<AnswerRenderingOptions, AnswerRenderingOptionsValidator>(AnswerRenderingOptions.SectionName);
        services.TryAddSingleton<AnswerRenderer>();
        return services;
    }
}
