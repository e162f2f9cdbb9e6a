using IAToolkit.Configuration;
using IAToolkit.Redis;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IAToolkit.AspNet.Security;

/// <summary>Sign-in for pages (session cookie) and APIs (session or API key), antiforgery, and the shared key ring.</summary>
internal static class SecurityServiceCollectionExtensions
{
    public static void AddIAToolkitSecurity(this IServiceCollection services, IHostEnvironment environment)
    {
        // One key ring in Redis per application name, encrypted with a key derived from IATOOLKIT_SECRET_KEY: every host
        // with the same name and secret reads every other one's cookies and antiforgery tokens; nobody else does.
        services.AddDataProtection();
        services.TryAddSingleton(sp => new KeyRingCipher(sp.GetRequiredService<IOptions<SecurityOptions>>().Value.SecretKey!));
        // The name comes from the configuration itself, not from the validated SecurityOptions: antiforgery reads these
        // options while the host is still being built, and a missing secret must end in the validator's message.
        services.AddOptions<DataProtectionOptions>().Configure<IConfiguration>((options, configuration) =>
            options.ApplicationDiscriminator = ApplicationName(configuration));
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, sp) =>
        {
            var name = ApplicationName(sp.GetRequiredService<IConfiguration>());
            options.XmlRepository = new RedisKeyRing(sp.GetRequiredService<RedisConnection>(), name, sp.GetRequiredService<ILoggerFactory>().CreateLogger<RedisKeyRing>());
            options.XmlEncryptor = new SecretKeyXmlEncryptor(sp);
        });

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

    private static string ApplicationName(IConfiguration configuration)
        => configuration[$"{SecurityOptions.SectionName}:ApplicationName"] is { Length: > 0 } name ? name : SecurityOptions.DefaultApplicationName;
}
