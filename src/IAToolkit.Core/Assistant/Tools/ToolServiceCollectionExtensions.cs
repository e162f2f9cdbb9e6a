using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IAToolkit.Assistant.Tools;

/// <summary>The tools' registrations: the list every question's tools come from.</summary>
internal static class ToolServiceCollectionExtensions
{
    /// <summary>The built-in tools, one line each, in the order the model sees them, and the company.yaml tools after them.</summary>
    public static IServiceCollection AddAssistantTools(this IServiceCollection services)
    {
        services.TryAddSingleton<ToolSet>();
        services.AddAssistantTool<SqlQueryTool>();
        services.AddAssistantTool<DocumentSearchTool>();
        services.AddAssistantTool<GenerateExcelTool>();
        services.AddAssistantTool<SendEmailTool>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAssistantToolProvider, CompanyConfiguredTools>());
        return services;
    }

    /// <summary>Adds a tool to the list; adding the same tool type twice adds it once.</summary>
    public static IServiceCollection AddAssistantTool<TTool>(this IServiceCollection services)
        where TTool : class, IAssistantToolProvider
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAssistantToolProvider, TTool>());
        return services;
    }
}
