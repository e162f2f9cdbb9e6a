using Microsoft.Extensions.Options;

namespace IAToolkit.Downloads;

/// <summary>Validates <see cref="DownloadOptions"/> and <see cref="ExcelOptions"/> at start; every message names the setting.</summary>
internal sealed class DownloadsOptionsValidator : IValidateOptions<DownloadOptions>, IValidateOptions<ExcelOptions>
{
    // Redis refuses values above 512 MB; a download is read whole into memory, so much less is sensible.
    private const long MaxDownloadBytes = 256L * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, DownloadOptions options)
    {
        var failures = new List<string>();
        if (options.Lifetime < TimeSpan.FromSeconds(1) || options.Lifetime > options.MaxLifetime)
        {
            failures.Add($"{DownloadOptions.SectionName}:Lifetime must be at least 00:00:01 and at most MaxLifetime ({options.MaxLifetime}); it is {options.Lifetime}.");
        }

        if (options.MaxLifetime > TimeSpan.FromDays(30))
        {
            failures.Add($"{DownloadOptions.SectionName}:MaxLifetime must be at most 30.00:00:00; it is {options.MaxLifetime}.");
        }

        if (options.MaxBytes is < 1 or > MaxDownloadBytes)
        {
            failures.Add($"{DownloadOptions.SectionName}:MaxBytes must be between 1 and {MaxDownloadBytes}; it is {options.MaxBytes}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, ExcelOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRows is < 1 or > 1_048_575)
        {
            failures.Add($"{ExcelOptions.SectionName}:MaxRows must be between 1 and 1048575 (Excel's limit); it is {options.MaxRows}.");
        }

        if (options.MaxBytes is < 1024 or > int.MaxValue)
        {
            failures.Add($"{ExcelOptions.SectionName}:MaxBytes must be between 1024 and {int.MaxValue}; it is {options.MaxBytes}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
