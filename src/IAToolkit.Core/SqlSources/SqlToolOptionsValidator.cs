using Microsoft.Extensions.Options;

namespace IAToolkit.SqlSources;

/// <summary>Validates <see cref="SqlToolOptions"/> at start; every message names the setting.</summary>
internal sealed class SqlToolOptionsValidator : IValidateOptions<SqlToolOptions>
{
    public ValidateOptionsResult Validate(string? name, SqlToolOptions options)
    {
        var failures = new List<string>();
        CheckTime(failures, nameof(SqlToolOptions.StatementTimeout), options.StatementTimeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(10));
        CheckTime(failures, nameof(SqlToolOptions.LockTimeout), options.LockTimeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(10));
        CheckTime(failures, nameof(SqlToolOptions.SchemaCacheDuration), options.SchemaCacheDuration, TimeSpan.Zero, TimeSpan.FromDays(1));
        CheckNumber(failures, nameof(SqlToolOptions.MaxRows), options.MaxRows, 1, 100_000);
        CheckNumber(failures, nameof(SqlToolOptions.MaxResultBytes), options.MaxResultBytes, 1024, 16 * 1024 * 1024);
        CheckNumber(failures, nameof(SqlToolOptions.MaxValueLength), options.MaxValueLength, 16, 1_000_000);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckTime(List<string> failures, string setting, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{SqlToolOptions.SectionName}:{setting} must be between {min} and {max}; it is {value}.");
        }
    }

    private static void CheckNumber(List<string> failures, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{SqlToolOptions.SectionName}:{setting} must be between {min} and {max}; it is {value}.");
        }
    }
}
