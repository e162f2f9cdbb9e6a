using Microsoft.Extensions.Options;

namespace IAToolkit.ApiKeys;

/// <summary>Validates <see cref="ApiKeyOptions"/> at start.</summary>
internal sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    // A revoked key may live this long on a host Redis could not reach: beyond a minute "revoked" stops meaning "now".
    private static readonly TimeSpan s_maxLifetime = TimeSpan.FromMinutes(1);

    private const int MaxSize = 1_000_000;

    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var failures = new List<string>();
        if (options.CacheLifetime < TimeSpan.Zero || options.CacheLifetime > s_maxLifetime)
        {
            failures.Add($"{ApiKeyOptions.SectionName}:{nameof(ApiKeyOptions.CacheLifetime)} must be from 00:00:00 (no cache) to {s_maxLifetime}; it is {options.CacheLifetime}.");
        }

        if (options.CacheSize is < 1 or > MaxSize)
        {
            failures.Add($"{ApiKeyOptions.SectionName}:{nameof(ApiKeyOptions.CacheSize)} must be from 1 to {MaxSize}; it is {options.CacheSize}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
