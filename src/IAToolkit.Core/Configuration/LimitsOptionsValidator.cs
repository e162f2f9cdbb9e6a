using Microsoft.Extensions.Options;

namespace IAToolkit.Configuration;

/// <summary>Validates <see cref="LimitsOptions"/> at start: every limit is a positive count, the lease a sane time.</summary>
internal sealed class LimitsOptionsValidator : IValidateOptions<LimitsOptions>
{
    private const int MaxCount = 100_000;

    public ValidateOptionsResult Validate(string? name, LimitsOptions options)
    {
        var failures = new List<string>();
        foreach (var (key, value) in new[]
        {
            (nameof(LimitsOptions.QueriesPerMinute), options.QueriesPerMinute),
            (nameof(LimitsOptions.ConcurrentQueries), options.ConcurrentQueries),
            (nameof(LimitsOptions.EmbeddingsPerMinute), options.EmbeddingsPerMinute),
            (nameof(LimitsOptions.ConcurrentEmbeddings), options.ConcurrentEmbeddings),
            (nameof(LimitsOptions.FileStorePerMinute), options.FileStorePerMinute),
            (nameof(LimitsOptions.ConcurrentFileStore), options.ConcurrentFileStore),
        })
        {
            if (value is < 1 or > MaxCount)
            {
                failures.Add($"{LimitsOptions.SectionName}:{key} must be from 1 to {MaxCount}; it is {value}.");
            }
        }

        if (options.LeaseLifetime < TimeSpan.FromMinutes(1) || options.LeaseLifetime > TimeSpan.FromDays(1))
        {
            failures.Add($"{LimitsOptions.SectionName}:LeaseLifetime must be from 00:01:00 to 1.00:00:00; it is {options.LeaseLifetime}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
