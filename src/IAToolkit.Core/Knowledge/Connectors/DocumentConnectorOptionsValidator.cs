using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Options;

namespace IAToolkit.Knowledge.Connectors;

/// <summary>Validates <see cref="DocumentConnectorOptions"/> at start.</summary>
internal sealed class DocumentConnectorOptionsValidator : IValidateOptions<DocumentConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentConnectorOptions options)
    {
        var failures = new List<string>();
        if (options.S3PageSize is < 1 or > 1000)
        {
            failures.Add($"{DocumentConnectorOptions.SectionName}:S3PageSize must be between 1 and 1000; it is {options.S3PageSize}.");
        }

        if (options.S3Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{DocumentConnectorOptions.SectionName}:S3Timeout must be positive; it is {options.S3Timeout}.");
        }

        if (options.S3MaxErrorRetry is < 0 or > 10)
        {
            failures.Add($"{DocumentConnectorOptions.SectionName}:S3MaxErrorRetry must be between 0 and 10; it is {options.S3MaxErrorRetry}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
