using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IAToolkit.Configuration;

/// <summary>The one way the framework registers a settings section: bound, validated by its validator, checked at start.</summary>
internal static class ValidatedOptionsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="sectionName"/> and validates it with
    /// <typeparamref name="TValidator"/> when the host starts, so a bad value stops the host with the validator's
    /// message instead of failing the first request that reads it. The validator is added once however often this
    /// runs; the returned builder takes further sources (e.g. an environment variable that overrides a key).
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string sectionName)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
    }
}
