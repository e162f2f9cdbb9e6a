using Microsoft.Extensions.Options;

namespace IAToolkit.Assistant;

/// <summary>Validates <see cref="QueryLogOptions"/> at start.</summary>
internal sealed class QueryLogOptionsValidator : IValidateOptions<QueryLogOptions>
{
    public ValidateOptionsResult Validate(string? name, QueryLogOptions options)
    {
        var failures = new List<string>();
        if (options.BatchSize is < 1 or > 10_000)
        {
            failures.Add($"{QueryLogOptions.SectionName}:BatchSize must be from 1 to 10000; it is {options.BatchSize}.");
        }

        if (options.FlushInterval < TimeSpan.FromMilliseconds(10) || options.FlushInterval > TimeSpan.FromSeconds(10))
        {
            failures.Add($"{QueryLogOptions.SectionName}:FlushInterval must be from 00:00:00.010 to 00:00:10; it is {options.FlushInterval}.");
        }

        // Longer than any INSERT of a batch may take, or a slow writer's batch would be written by a second one as well
        // (harmless, since rows carry their id, but wasted).
        if (options.ClaimTimeout < TimeSpan.FromSeconds(1) || options.ClaimTimeout > TimeSpan.FromHours(1))
        {
            failures.Add($"{QueryLogOptions.SectionName}:ClaimTimeout must be from 00:00:01 to 01:00:00; it is {options.ClaimTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
