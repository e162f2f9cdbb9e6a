using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Options;

namespace IAToolkit.Knowledge.Chunking;

/// <summary>Validates <see cref="ChunkingOptions"/> at start.</summary>
internal sealed class ChunkingOptionsValidator : IValidateOptions<ChunkingOptions>
{
    /// <summary>Below this a chunk holds too little to be found by meaning; embedding models take 8,191 at most.</summary>
    public const int MinMaxTokens = 32;
    public const int MaxMaxTokens = 8191;

    public ValidateOptionsResult Validate(string? name, ChunkingOptions options)
    {
        var failures = new List<string>();
        if (options.MaxTokens is < MinMaxTokens or > MaxMaxTokens)
        {
            failures.Add($"{ChunkingOptions.SectionName}:MaxTokens must be between {MinMaxTokens} and {MaxMaxTokens}; it is {options.MaxTokens}.");
        }

        if (options.OverlapTokens < 0 || options.OverlapTokens * 2 >= options.MaxTokens)
        {
            failures.Add($"{ChunkingOptions.SectionName}:OverlapTokens must be at least 0 and less than half of MaxTokens ({options.MaxTokens}); it is {options.OverlapTokens}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
