using Microsoft.Extensions.Options;

namespace IAToolkit.Knowledge;

/// <summary>Validates <see cref="DocumentParsingOptions"/> at start.</summary>
internal sealed class DocumentParsingOptionsValidator : IValidateOptions<DocumentParsingOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentParsingOptions options)
        => options.MaxSheetRows >= 1
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{DocumentParsingOptions.SectionName}:MaxSheetRows must be at least 1; it is {options.MaxSheetRows}.");
}
