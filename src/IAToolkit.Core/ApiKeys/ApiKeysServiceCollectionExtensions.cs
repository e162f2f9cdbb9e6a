using IAToolkit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IAToolkit.ApiKeys;

/// <summary>
/// API keys: the operator verbs create, list and revoke them; the Bearer handler validates them, through a short-lived
/// per-host cache that revocations clear on every host (<c>IAToolkit:ApiKeys</c>).
/// </summary>
internal static class ApiKeysServiceCollectionExtensions
{
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddValidatedOptions<ApiKeyOptions, ApiKeyOptionsValidator>(ApiKeyOptions.SectionName);
        services.TryAddSingleton<ApiKeyCache>();
        services.TryAddSingleton<ApiKeyRevocationChannel>();
        services.TryAddSingleton<ApiKeyStore>();
        services.AddHostedService<ApiKeyRevocationListener>();
        return services;
    }
}
