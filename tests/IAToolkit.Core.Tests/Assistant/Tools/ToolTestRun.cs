using System.Text.Json;
using IAToolkit.Assistant.Tools;
using IAToolkit.Companies;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Core.Tests.Assistant.Tools;

/// <summary>The tools one question of a company is offered, from the real registrations, and a way to call them as the model does.</summary>
internal static class ToolTestRun
{
    public static ServiceProvider Services(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection().AddLogging().AddAssistantTools();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public static ToolRun Run(Company company, IServiceProvider services)
        => new(company, new CompanyUserInfo { UserIdentifier = "pm@example.com", Email = "pm@example.com" }, services, publicBaseUrl: null);

    public static IReadOnlyList<AIFunction> Tools(IServiceProvider services, ToolRun run)
        => [.. services.GetRequiredService<ToolSet>().For(run).Cast<AIFunction>()];

    public static async Task<JsonElement> CallAsync(AIFunction tool, string arguments)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)!;
        var result = await tool.InvokeAsync(new AIFunctionArguments(values));
        return JsonDocument.Parse(result is JsonElement e ? e.GetRawText() : (string)result!).RootElement.Clone();
    }
}
