using Microsoft.Extensions.Options;

namespace IAToolkit.Knowledge.Loading;

/// <summary>Validates <see cref="KnowledgeOptions"/> at start; every message names the setting and its value.</summary>
internal sealed class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>
{
    private const long MinBytes = 1024;

    // A document is read into one array before it is parsed, and an array holds at most about 2 GB.
    private const long MaxBytes = int.MaxValue;

    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        var failures = new List<string>();
        CheckBytes(failures, nameof(KnowledgeOptions.MaxDocumentBytes), options.MaxDocumentBytes);
        CheckBytes(failures, nameof(KnowledgeOptions.MaxFileStoreBytes), options.MaxFileStoreBytes);
        if (options.FileStoreLifetime < TimeSpan.FromSeconds(1) || options.FileStoreLifetime > TimeSpan.FromDays(7))
        {
            failures.Add($"{KnowledgeOptions.SectionName}:{nameof(KnowledgeOptions.FileStoreLifetime)} must be between {TimeSpan.FromSeconds(1)} and {TimeSpan.FromDays(7)}; it is {options.FileStoreLifetime}.");
        }

        // The characters go into a prompt: two million is already far more than any model's context window.
        if (options.MaxFileStoreCharacters is < 100 or > 2_000_000)
        {
            failures.Add($"{KnowledgeOptions.SectionName}:{nameof(KnowledgeOptions.MaxFileStoreCharacters)} must be between 100 and 2000000; it is {options.MaxFileStoreCharacters}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckBytes(List<string> failures, string setting, long value)
    {
        if (value is < MinBytes or > MaxBytes)
        {
            failures.Add($"{KnowledgeOptions.SectionName}:{setting} must be between {MinBytes} and {MaxBytes}; it is {value}.");
        }
    }
}
