using IAToolkit.Assistant.Context;
using IAToolkit.Assistant.Conversations;
using IAToolkit.Assistant.Llm;
using IAToolkit.Assistant.Prompts;
using IAToolkit.Assistant.Tools;
using IAToolkit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IAToolkit.Assistant;

/// <summary>The assistant: models, context, prompts, conversations, tools, the query log and feedback.</summary>
internal static class AssistantServiceCollectionExtensions
{
    public static IServiceCollection AddAssistant(this IServiceCollection services)
    {
        services.AddValidatedOptions<AssistantOptions, AssistantOptionsValidator>(AssistantOptions.SectionName);
        services.TryAddSingleton<ChatClientProvider>();
        services.TryAddSingleton<ContextBuilder>();
        services.TryAddSingleton<PromptRenderer>();
        services.TryAddSingleton<TurnStore>();
        services.TryAddSingleton<QueryLogStore>();

        // The query log leaves the request path: queued in Redis, written in batches by a writer in every host.
        services.AddValidatedOptions<QueryLogOptions, QueryLogOptionsValidator>(QueryLogOptions.SectionName);
        services.TryAddSingleton<QueryLogQueue>();
        services.TryAddSingleton<QueryLogTable>();
        services.TryAddSingleton<QueryLogWriter>();
        services.AddHostedService<QueryLogWriterService>();
        services.TryAddSingleton<QueryStatistics>();
        services.AddAssistantTools();
        services.TryAddSingleton<QueryService>();
        services.TryAddSingleton<FeedbackService>();
        services.AddHttpClient(FeedbackService.HttpClientName).ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(10));
        return services;
    }
}
