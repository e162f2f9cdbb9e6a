using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IAToolkit.ApiKeys;

/// <summary>API keys: the operator verbs create, list and revoke them; the Bearer handler validates them.</summary>
internal static class ApiKeysServiceCollectionExtensions
{
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.TryAddSingleton<ApiKeyStore>();
        return services;
    }
}
