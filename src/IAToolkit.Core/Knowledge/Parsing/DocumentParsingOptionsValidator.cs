using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Options;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>Validates <see cref="DocumentParsingOptions"/> at start: every budget must be a positive number.</summary>
internal sealed class DocumentParsingOptionsValidator : IValidateOptions<DocumentParsingOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentParsingOptions options)
    {
        var failures = new List<string>();
        AtLeast(failures, nameof(options.MaxSheetRows), options.MaxSheetRows, 1);
        AtLeast(failures, nameof(options.MaxCharacters), options.MaxCharacters, 1);
        AtLeast(failures, nameof(options.MaxPartBytes), options.MaxPartBytes, 1);
        AtLeast(failures, nameof(options.MaxPackageBytes), options.MaxPackageBytes, options.MaxPartBytes);
        AtLeast(failures, nameof(options.MaxPackageEntries), options.MaxPackageEntries, 1);
        AtLeast(failures, nameof(options.MaxXmlDepth), options.MaxXmlDepth, 8);
        AtLeast(failures, nameof(options.MaxCells), options.MaxCells, 1);
        AtLeast(failures, nameof(options.MaxPdfPages), options.MaxPdfPages, 1);
        AtLeast(failures, nameof(options.MaxPdfObjects), options.MaxPdfObjects, 1);
        AtLeast(failures, nameof(options.MaxPdfStreamBytes), options.MaxPdfStreamBytes, 1);
        AtLeast(failures, nameof(options.MaxPdfDecodedBytes), options.MaxPdfDecodedBytes, options.MaxPdfStreamBytes);
        AtLeast(failures, nameof(options.MaxLayoutLetters), options.MaxLayoutLetters, 1);
        AtLeast(failures, nameof(options.MaxConcurrentParses), options.MaxConcurrentParses, 0);
        if (options.MaxParseTime <= TimeSpan.Zero)
        {
            failures.Add($"{DocumentParsingOptions.SectionName}:MaxParseTime must be positive; it is {options.MaxParseTime}.");
        }

        if (options.MaxQueueWait < TimeSpan.Zero)
        {
            failures.Add($"{DocumentParsingOptions.SectionName}:MaxQueueWait cannot be negative; it is {options.MaxQueueWait}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AtLeast(List<string> failures, string key, long value, long minimum)
    {
        if (value < minimum)
        {
            failures.Add($"{DocumentParsingOptions.SectionName}:{key} must be at least {minimum}; it is {value}.");
        }
    }
}
