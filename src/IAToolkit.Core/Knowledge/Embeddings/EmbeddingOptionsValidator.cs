using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Options;

namespace IAToolkit.Knowledge.Embeddings;

/// <summary>Validates <see cref="EmbeddingOptions"/> at start; every message names the setting.</summary>
internal sealed class EmbeddingOptionsValidator : IValidateOptions<EmbeddingOptions>
{
    // OpenAI refuses more than 2048 inputs in one call.
    private const int MaxBatchSize = 2048;

    public ValidateOptionsResult Validate(string? name, EmbeddingOptions options)
    {
        var failures = new List<string>();
        CheckNumber(failures, nameof(EmbeddingOptions.BatchSize), options.BatchSize, 1, MaxBatchSize);
        CheckNumber(failures, nameof(EmbeddingOptions.MaxConcurrency), options.MaxConcurrency, 1, 64);
        CheckNumber(failures, nameof(EmbeddingOptions.MaxRetries), options.MaxRetries, 0, 10);
        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{EmbeddingOptions.SectionName}:{nameof(EmbeddingOptions.Timeout)} must be between {TimeSpan.FromSeconds(1)} and {TimeSpan.FromMinutes(10)}; it is {options.Timeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckNumber(List<string> failures, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{EmbeddingOptions.SectionName}:{setting} must be between {min} and {max}; it is {value}.");
        }
    }
}
