using IAToolkit.Caching;
using IAToolkit.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IAToolkit.AspNet.Security;

/// <summary>Sign-in for pages (session cookie) and APIs (session or API key), antiforgery, and the shared key ring.</summary>
internal static class SecurityServiceCollectionExtensions
{
    public static void AddIAToolkitSecurity(this IServiceCollection services, IHostEnvironment environment)
    {
        // One key ring in Redis: every host can read every other host's cookies and antiforgery tokens.
        services.AddDataProtection().SetApplicationName("IAToolkit");
        services.AddOptions<KeyManagementOptions>().Configure<RedisConnection>((options, redis) =>
            options.XmlRepository = new RedisKeyRing(redis));

        services.AddAuthentication(IAToolkitAuthentication.SessionScheme)
            .AddCookie(IAToolkitAuthentication.SessionScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(IAToolkitAuthentication.ApiKeyScheme, null);
        services.AddOptions<CookieAuthenticationOptions>(IAToolkitAuthentication.SessionScheme)
            .Configure<IOptions<SecurityOptions>>((options, security) =>
            {
                options.Cookie.Name = "iat_session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = security.Value.SecureCookies ?? !environment.IsDevelopment()
                    ? CookieSecurePolicy.Always
                    : CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = security.Value.SessionLifetime;
                options.SlidingExpiration = true;
                options.Events = new SessionCookieEvents();
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(IAToolkitAuthentication.ApiPolicy, policy => policy
                .AddAuthenticationSchemes(IAToolkitAuthentication.SessionScheme, IAToolkitAuthentication.ApiKeyScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new CompanyAccessRequirement()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, CompanyAccessRequirement>());
        services.Replace(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemDetailsAuthorizationResultHandler>());

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "iat_antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
    }
}
