using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IAToolkit.Configuration;

/// <summary>The framework's own settings: the environment, the core database, Redis and the secrets.</summary>
internal static class SettingsServiceCollectionExtensions
{
    public static IServiceCollection AddSettings(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<IAToolkitOptions>()
            .BindConfiguration(IAToolkitOptions.SectionName)
            .Configure<IConfiguration>((o, c) => o.Environment = c[$"{IAToolkitOptions.SectionName}:Environment"] ?? c["FLASK_ENV"] ?? environment.EnvironmentName);

        // The documented variables (DATABASE_URI, REDIS_URL, IATOOLKIT_SECRET_KEY, FERNET_KEY) win over the sections.
        services.AddValidatedOptions<DatabaseOptions, SettingsValidator>(DatabaseOptions.SectionName)
            .Configure<IConfiguration>((o, c) => o.ConnectionString = c[DatabaseOptions.VariableName] ?? o.ConnectionString);
        services.AddValidatedOptions<RedisOptions, SettingsValidator>(RedisOptions.SectionName)
            .Configure<IConfiguration>((o, c) => o.Url = c[RedisOptions.VariableName] ?? o.Url);
        services.AddValidatedOptions<SecurityOptions, SettingsValidator>(SecurityOptions.SectionName)
            .Configure<IConfiguration>((o, c) =>
            {
                o.SecretKey = c[SecurityOptions.SecretKeyVariable] ?? o.SecretKey;
                o.FernetKey = c[SecurityOptions.FernetKeyVariable] ?? o.FernetKey;
            });
        return services;
    }
}
