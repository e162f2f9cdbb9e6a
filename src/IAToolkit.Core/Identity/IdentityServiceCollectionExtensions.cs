using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IAToolkit.Identity;

/// <summary>User accounts: sign-up, sign-in with its backoff and audit, passwords, session stamps, external logins.</summary>
internal static class IdentityServiceCollectionExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.TryAddSingleton<UserStore>();
        services.TryAddSingleton<Passwords>();
        services.TryAddSingleton<LoginAudit>();
        services.TryAddSingleton<AccountMails>();
        services.TryAddSingleton<LoginBackoff>();
        services.TryAddSingleton<SessionStamps>();
        services.TryAddSingleton<AccountService>();
        services.TryAddSingleton<ExternalLoginTokens>();
        return services;
    }
}
